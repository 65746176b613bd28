package org.centralis.audit.application;

/**
 * What a service tells the audit trail: the action (a stable upper-case verb such as
 * TICKET_CREATED), the target and short before/after summaries (never unmasked identifiers).
 */
public record AuditEntry(String action, String targetType, String targetId, String before, String after) {

  public static AuditEntry of(String action, String targetType, Object targetId) {
    return new AuditEntry(action, targetType, String.valueOf(targetId), null, null);
  }
}
