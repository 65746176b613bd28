package org.centralis.audit.domain;

/** Who did an audited action, and from where. */
public record AuditActor(String login, String role, Long branchId, String clientIp) {}
