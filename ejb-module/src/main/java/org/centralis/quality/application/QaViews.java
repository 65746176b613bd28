package org.centralis.quality.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the QA pages and API show. */
public final class QaViews {

  private QaViews() {}

  public record Criterion(long id, String name, String nameEn, BigDecimal weight) {}

  public record Form(long id, String code, String name, String nameEn, List<Criterion> criteria) {}

  public record Sample(long id, String ticketNumber, Long agentStaffId, String agentName, String reason, String status, Instant createdAt) {}

  public record Score(long id, long formId, String ticketNumber, String contactId, long agentStaffId, String agentName, String scorer,
      BigDecimal total, String items, String comment, Instant scoredAt) {}
}
