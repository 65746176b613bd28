package org.centralis.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.reporting.domain.ReportDefinition;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;

/** The checks an on-demand run and a schedule share: the report exists and can run, the branch is the caller's to ask for. */
@ApplicationScoped
class ReportRequests {

  @Inject ReportCatalog catalog;
  @Inject OrganizationDirectory organization;

  ReportDefinition available(String code) {
    ReportDefinition report = catalog.find(code).orElseThrow(() -> new NotFoundException("report", code));
    if (!report.available()) {
      throw new ConflictException("report-not-available", "report " + code + " is not available yet", code);
    }
    return report;
  }

  /** The subtree a run covers: the caller's own, or a branch inside it. */
  String scope(Caller caller, Long branchId) {
    if (branchId == null) {
      return caller.branchPath();
    }
    return organization.branch(branchId)
        .filter(b -> caller.canSee(b.path()))
        .orElseThrow(() -> new InvalidInputException("branch", "branch-out-of-scope", "branch " + branchId + " is not visible", branchId))
        .path();
  }
}
