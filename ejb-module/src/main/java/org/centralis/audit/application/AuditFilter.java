package org.centralis.audit.application;

import java.time.Instant;

/** The auditor's search criteria; null or blank means "any". */
public record AuditFilter(
    String actor, String action, String targetType, String targetId, Instant from, Instant to) {

  public static AuditFilter any() {
    return new AuditFilter(null, null, null, null, null, null);
  }
}
