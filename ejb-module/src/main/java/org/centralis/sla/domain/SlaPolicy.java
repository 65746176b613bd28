package org.centralis.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;

/**
 * An SLA policy (服务时限策略): criteria → targets in working seconds per metric, warning
 * thresholds, the ticket statuses that pause the clocks, and optionally its own calendar and
 * escalation chain. A null criterion matches anything; a null target means the metric is not
 * measured. Invariant: targets are positive and the thresholds ascend within 1..99 (checked on
 * every change).
 */
@Entity
@Table(name = "SLA_POLICY")
@NamedQuery(
    name = "SlaPolicy.findActive",
    query = "SELECT p FROM SlaPolicy p WHERE p.active = TRUE ORDER BY p.id",
    hints = @QueryHint(name = BooleanLiterals.HINT, value = BooleanLiterals.INLINE))
@NamedQuery(name = "SlaPolicy.findAll", query = "SELECT p FROM SlaPolicy p ORDER BY p.id")
public class SlaPolicy {

  /** The changeable part of a policy, as an administrator writes it. */
  public record Terms(
      String name,
      String ticketType,
      Long categoryId,
      String priority,
      String customerTier,
      String channel,
      Long firstResponseSeconds,
      Long nextUpdateSeconds,
      Long resolutionSeconds,
      String warnPercents,
      Set<String> pauseStatuses,
      String calendarCode,
      Long escalationChainId,
      boolean active) {}

  @Id private Long id;
  private String name;

  @Column(name = "TICKET_TYPE")
  private String ticketType;

  @Column(name = "CATEGORY_ID")
  private Long categoryId;

  private String priority;

  @Column(name = "CUSTOMER_TIER")
  private String customerTier;

  private String channel;

  @Column(name = "FIRST_RESPONSE_SECONDS")
  private Long firstResponseSeconds;

  @Column(name = "NEXT_UPDATE_SECONDS")
  private Long nextUpdateSeconds;

  @Column(name = "RESOLUTION_SECONDS")
  private Long resolutionSeconds;

  @Column(name = "WARN_PERCENTS")
  private String warnPercents;

  @Column(name = "PAUSE_STATUSES")
  private String pauseStatuses;

  @Column(name = "CALENDAR_CODE")
  private String calendarCode;

  @Column(name = "ESCALATION_CHAIN_ID")
  private Long escalationChainId;

  private boolean active;

  @Column(name = "UPDATED_AT")
  private Instant updatedAt;

  @Version private int version;

  protected SlaPolicy() {}

  public static SlaPolicy create(long id, Terms terms, Instant now) {
    SlaPolicy p = new SlaPolicy();
    p.id = id;
    p.change(terms, now);
    return p;
  }

  /** Replaces the whole policy; refuses targets that are not positive or thresholds out of order. */
  public void change(Terms t, Instant now) {
    for (Long target : new Long[] {t.firstResponseSeconds(), t.nextUpdateSeconds(), t.resolutionSeconds()}) {
      if (target != null && target <= 0) {
        throw new IllegalArgumentException("a target is a positive number of working seconds: " + target);
      }
    }
    SlaClock.parsePercents(t.warnPercents());
    name = t.name();
    ticketType = t.ticketType();
    categoryId = t.categoryId();
    priority = t.priority();
    customerTier = t.customerTier();
    channel = t.channel();
    firstResponseSeconds = t.firstResponseSeconds();
    nextUpdateSeconds = t.nextUpdateSeconds();
    resolutionSeconds = t.resolutionSeconds();
    warnPercents = t.warnPercents() == null ? "" : t.warnPercents().replace(" ", "");
    // "Never paused" is one blank, not an empty string: Oracle stores '' as NULL and the column is NOT NULL.
    pauseStatuses = t.pauseStatuses() == null || t.pauseStatuses().isEmpty() ? " " : String.join(",", t.pauseStatuses());
    calendarCode = t.calendarCode();
    escalationChainId = t.escalationChainId();
    active = t.active();
    updatedAt = now;
  }

  public Terms terms() {
    return new Terms(
        name, ticketType, categoryId, priority, customerTier, channel, firstResponseSeconds, nextUpdateSeconds, resolutionSeconds,
        warnPercents, pauseStatuses(), calendarCode, escalationChainId, active);
  }

  /** The target of a metric in working seconds; null when the policy does not measure it. */
  public Long target(SlaMetric metric) {
    return switch (metric) {
      case FIRST_RESPONSE -> firstResponseSeconds;
      case NEXT_UPDATE -> nextUpdateSeconds;
      case RESOLUTION -> resolutionSeconds;
    };
  }

  public Set<String> pauseStatuses() {
    if (pauseStatuses == null || pauseStatuses.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(pauseStatuses.split(",")).map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTicketType() {
    return ticketType;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public String getPriority() {
    return priority;
  }

  public String getCustomerTier() {
    return customerTier;
  }

  public String getChannel() {
    return channel;
  }

  public String getWarnPercents() {
    return warnPercents;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public Long getEscalationChainId() {
    return escalationChainId;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
