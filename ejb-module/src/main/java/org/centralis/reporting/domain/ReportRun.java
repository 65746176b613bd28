package org.centralis.reporting.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.centralis.reports.ReportFormat;

/**
 * One run of a catalog report, archived. Invariants: the status only moves QUEUED → RUNNING → DONE | FAILED; the file,
 * its SHA-256 and size, the template version and the data-as-of instant are written once, together, when the run
 * becomes DONE, and never change afterwards — re-reading an archived run returns the same bytes.
 */
@Entity
@Table(name = "REPORT_RUN")
public class ReportRun {

  @Id
  @SequenceGenerator(name = "REPORT_RUN_SEQ", sequenceName = "REPORT_RUN_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "REPORT_RUN_SEQ")
  private Long id;

  @Column(name = "REPORT_CODE")
  private String reportCode;

  @Column(name = "TEMPLATE_VERSION")
  private String templateVersion;

  private String parameters;

  /** The first and last day the run covers, kept apart from PARAMETERS so that the archive can be searched by period. */
  @Column(name = "PERIOD_FROM")
  private LocalDate periodFrom;

  @Column(name = "PERIOD_TO")
  private LocalDate periodTo;

  @Column(name = "REQUESTED_BY")
  private String requestedBy;

  @Column(name = "REQUESTER_BRANCH_ID")
  private Long requesterBranchId;

  @Column(name = "SCOPE_PATH")
  private String scopePath;

  @Enumerated(EnumType.STRING)
  private ReportRunStatus status;

  private int progress;

  @Column(name = "DATA_AS_OF")
  private Instant dataAsOf;

  @Enumerated(EnumType.STRING)
  private ReportFormat format;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "FILE_CONTENT")
  private byte[] fileContent;

  @Column(name = "FILE_SHA256")
  private String fileSha256;

  @Column(name = "FILE_SIZE")
  private Long fileSize;

  private String failure;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "STARTED_AT")
  private Instant startedAt;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  /** Moves with every claim and progress step; a RUNNING run whose heartbeat is old was left by a crashed node. */
  @Column(name = "HEARTBEAT_AT")
  private Instant heartbeatAt;

  @Version private int version;

  protected ReportRun() {}

  public static ReportRun queue(
      String reportCode, String parametersJson, String requestedBy, Long requesterBranchId, String scopePath, ReportFormat format, Instant now) {
    ReportRun run = new ReportRun();
    run.reportCode = Objects.requireNonNull(reportCode);
    run.parameters = Objects.requireNonNull(parametersJson);
    run.requestedBy = Objects.requireNonNull(requestedBy);
    run.requesterBranchId = requesterBranchId;
    run.scopePath = Objects.requireNonNull(scopePath);
    run.format = Objects.requireNonNull(format);
    run.status = ReportRunStatus.QUEUED;
    run.createdAt = now;
    return run;
  }

  /** Claims a queued run; false if another worker already did (or it finished). */
  public boolean start(Instant now) {
    if (status != ReportRunStatus.QUEUED) {
      return false;
    }
    status = ReportRunStatus.RUNNING;
    startedAt = now;
    heartbeatAt = now;
    progress = 5;
    return true;
  }

  /** The period the run covers (its parameters' from and to); set once, when it is queued. */
  public ReportRun covering(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("period " + from + " after " + to);
    }
    this.periodFrom = from;
    this.periodTo = to;
    return this;
  }

  public void progress(int percent, Instant now) {
    if (status == ReportRunStatus.RUNNING) {
      heartbeatAt = now;
      progress = Math.max(progress, Math.min(99, percent));
    }
  }

  public void complete(String templateVersion, Instant dataAsOf, byte[] file, String sha256, Instant now) {
    if (status != ReportRunStatus.RUNNING) {
      throw new IllegalStateException("run " + id + " is " + status + ", not RUNNING");
    }
    // The lazy LOB first: with EclipseLink weaving, touching an unfetched lazy attribute loads the rest of the row and
    // would overwrite fields assigned before it (templateVersion and dataAsOf were lost that way).
    this.fileContent = file.clone();
    this.templateVersion = templateVersion;
    this.dataAsOf = dataAsOf;
    this.fileSha256 = sha256;
    this.fileSize = (long) file.length;
    this.status = ReportRunStatus.DONE;
    this.progress = 100;
    this.finishedAt = now;
  }

  public void fail(String reason, Instant now) {
    if (status.isFinished()) {
      return;
    }
    this.failure = reason == null ? "failed" : reason.substring(0, Math.min(reason.length(), 1000));
    this.status = ReportRunStatus.FAILED;
    this.finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getReportCode() {
    return reportCode;
  }

  public String getTemplateVersion() {
    return templateVersion;
  }

  public String getParameters() {
    return parameters;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Long getRequesterBranchId() {
    return requesterBranchId;
  }

  public String getScopePath() {
    return scopePath;
  }

  public ReportRunStatus getStatus() {
    return status;
  }

  public int getProgress() {
    return progress;
  }

  public Instant getDataAsOf() {
    return dataAsOf;
  }

  public ReportFormat getFormat() {
    return format;
  }

  public byte[] getFileContent() {
    return fileContent == null ? null : fileContent.clone();
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public Long getFileSize() {
    return fileSize;
  }

  public String getFailure() {
    return failure;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
