package org.centralis.reporting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.centralis.acd.application.AcdQueues;
import org.centralis.acd.application.QueueView;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.reporting.application.ArchiveFilter;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.ReportFile;
import org.centralis.reporting.application.ReportRuns;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.application.RunView;
import org.centralis.reporting.domain.ReportDefinition;
import org.centralis.reports.ReportFormat;
import org.centralis.shared.domain.Page;
import org.centralis.shared.web.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The HQ reports page, catalog and archive tabs: pick a report, set its period, branch (and queue, for the daily
 * contact-center report), run it and watch its progress, download it; search the archive by report, period and branch. Every download goes through ReportRuns, which audits it.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int ARCHIVE_PAGE = 15;

  @Inject private ReportCatalog catalog;
  @Inject private ReportRuns runs;
  @Inject private OrganizationDirectory organization;
  @Inject private AcdQueues acdQueues;

  private List<ReportDefinition> reports;
  private List<BranchRef> branches;
  private String selected;
  private LocalDate from = LocalDate.now(org.centralis.shared.web.Formats.ZONE).withDayOfMonth(1).minusMonths(1);
  private LocalDate to = from.plusMonths(1).minusDays(1);
  private Long branchId;
  private String queue;
  private List<QueueView> queues;
  private ReportFormat format = ReportFormat.PDF;
  private String locale;
  private Long runId;
  private RunView run;
  private String archiveReport;
  private LocalDate archiveFrom;
  private LocalDate archiveTo;
  private Long archiveBranchId;
  private int archivePage;
  private Page<RunView> archive;

  @PostConstruct
  void init() {
    reports = catalog.all();
    branches = organization.visibleBranches();
    selected = reports.stream().filter(ReportDefinition::available).map(ReportDefinition::code).findFirst().orElse(null);
    locale = Messages.english() ? "en" : "zh_CN";
    loadArchive();
  }

  public void start() {
    try {
      String oneQueue = ReportCatalog.CONTACT_CENTER_DAILY.equals(selected) ? blankToNull(queue) : null;
      runId = runs.start(selected, new RunParameters(from, to, branchId, locale, oneQueue), format);
      run = runs.status(runId);
      Messages.info("reports.run.queued", runId);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /**
   * Polled while the run fills. The archive is re-rendered once, when the run finishes — not with every poll, which
   * would wipe what the reader is typing into the archive search meanwhile.
   */
  public void refresh() {
    if (runId != null) {
      run = runs.status(runId);
      if (finished()) {
        loadArchive();
        PrimeFaces.current().ajax().update("tabs:archiveForm");
      }
    }
  }

  public boolean isRunning() {
    return run != null && !finished();
  }

  private boolean finished() {
    return "DONE".equals(run.status()) || "FAILED".equals(run.status());
  }

  public StreamedContent download(long id) {
    ReportFile file = runs.file(id);
    return DefaultStreamedContent.builder()
        .name(file.fileName())
        .contentType(file.contentType())
        .contentLength((long) file.content().length)
        .stream(() -> new ByteArrayInputStream(file.content()))
        .build();
  }

  public void loadArchive() {
    try {
      ArchiveFilter filter = new ArchiveFilter(blankToNull(archiveReport), null, null, null, archiveFrom, archiveTo, archiveBranchId);
      archive = runs.archive(filter, archivePage * ARCHIVE_PAGE, ARCHIVE_PAGE);
    } catch (RuntimeException e) {
      archive = new Page<>(List.of(), 0, 0, ARCHIVE_PAGE);
      Messages.handle(e);
    }
  }

  public void archiveNext() {
    if ((archivePage + 1L) * ARCHIVE_PAGE < archive.total()) {
      archivePage++;
      loadArchive();
    }
  }

  public void archivePrevious() {
    if (archivePage > 0) {
      archivePage--;
      loadArchive();
    }
  }

  public void archiveFilterChanged() {
    archivePage = 0;
    loadArchive();
  }

  /** The report's name in the page's language. */
  public String name(String code) {
    return reports.stream().filter(r -> r.code().equals(code)).findFirst().map(r -> Messages.english() ? r.nameEn() : r.name()).orElse(code);
  }

  public ReportDefinition getSelectedReport() {
    return reports.stream().filter(r -> r.code().equals(selected)).findFirst().orElse(null);
  }

  /** The queues of the contact center, for the daily report's queue field; read once, when the field is first shown. */
  public List<QueueView> getQueues() {
    if (queues == null) {
      queues = acdQueues.list();
    }
    return queues;
  }

  public boolean isQueueParameter() {
    return ReportCatalog.CONTACT_CENTER_DAILY.equals(selected);
  }

  public String queueName(QueueView q) {
    return (Messages.english() && q.nameEn() != null ? q.nameEn() : q.name()) + " (" + q.code() + ")";
  }

  public String getQueue() {
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = queue;
  }

  public List<ReportFormat> getFormats() {
    return Arrays.asList(ReportFormat.values());
  }

  public String branchName(BranchRef b) {
    return Messages.english() && b.nameEn() != null ? b.nameEn() : b.name();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public List<ReportDefinition> getReports() {
    return reports;
  }

  public List<BranchRef> getBranches() {
    return branches;
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public Long getBranchId() {
    return branchId;
  }

  public void setBranchId(Long branchId) {
    this.branchId = branchId;
  }

  public ReportFormat getFormat() {
    return format;
  }

  public void setFormat(ReportFormat format) {
    this.format = format;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public RunView getRun() {
    return run;
  }

  public String getArchiveReport() {
    return archiveReport;
  }

  public void setArchiveReport(String archiveReport) {
    this.archiveReport = archiveReport;
  }

  public LocalDate getArchiveFrom() {
    return archiveFrom;
  }

  public void setArchiveFrom(LocalDate archiveFrom) {
    this.archiveFrom = archiveFrom;
  }

  public LocalDate getArchiveTo() {
    return archiveTo;
  }

  public void setArchiveTo(LocalDate archiveTo) {
    this.archiveTo = archiveTo;
  }

  public Long getArchiveBranchId() {
    return archiveBranchId;
  }

  public void setArchiveBranchId(Long archiveBranchId) {
    this.archiveBranchId = archiveBranchId;
  }

  public Page<RunView> getArchive() {
    return archive;
  }

  public int getArchivePage() {
    return archivePage;
  }
}
