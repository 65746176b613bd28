package org.centralis.complaint.application;

import org.centralis.complaint.domain.Severity;

/**
 * The complaint register's filters; null means any. {@code taxonomyId} matches the node and its
 * children; {@code overdue} true keeps complaints past their regulator deadline (open and past it,
 * or closed after it), false those within it.
 */
public record ComplaintFilter(Long branchId, Long taxonomyId, Severity severity, Boolean overdue) {}
