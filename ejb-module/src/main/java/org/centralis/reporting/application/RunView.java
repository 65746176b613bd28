package org.centralis.reporting.application;

import java.time.Instant;
import org.centralis.reporting.domain.ReportRun;

/** A report run as the API and the archive show it (no file bytes). */
public record RunView(
    long id,
    String report,
    String status,
    int progress,
    String format,
    String parameters,
    String requestedBy,
    String scopePath,
    String templateVersion,
    Instant dataAsOf,
    String fileSha256,
    Long fileSize,
    String failure,
    Instant createdAt,
    Instant finishedAt) {

  public static RunView of(ReportRun r) {
    return new RunView(
        r.getId(),
        r.getReportCode(),
        r.getStatus().name(),
        r.getProgress(),
        r.getFormat().name(),
        r.getParameters(),
        r.getRequestedBy(),
        r.getScopePath(),
        r.getTemplateVersion(),
        r.getDataAsOf(),
        r.getFileSha256(),
        r.getFileSize(),
        r.getFailure(),
        r.getCreatedAt(),
        r.getFinishedAt());
  }
}
