package org.centralis.reporting.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.centralis.reports.ReportFormat;

/**
 * A subscription (订阅) to a report: when it fires (cron in a zone, optionally on a calendar's working days), which
 * period it covers, for which branch subtree, and who receives it. The scope is fixed when it is created and never
 * exceeds its owner's. The sweeper moves {@link #getNextFireAt()} forward; nothing else does, except reactivation.
 */
@Entity
@Table(name = "REPORT_SCHEDULE")
public class ReportSchedule {

  @Id
  @SequenceGenerator(name = "REPORT_SCHEDULE_SEQ", sequenceName = "REPORT_SCHEDULE_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "REPORT_SCHEDULE_SEQ")
  private Long id;

  private String name;

  @Column(name = "REPORT_CODE")
  private String reportCode;

  private String cron;

  @Column(name = "ZONE_ID")
  private String zoneId;

  @Column(name = "CALENDAR_CODE")
  private String calendarCode;

  @Column(name = "WORKING_DAYS_ONLY")
  private boolean workingDaysOnly;

  @Enumerated(EnumType.STRING)
  private RelativePeriod period;

  @Column(name = "BRANCH_ID")
  private Long branchId;

  @Column(name = "SCOPE_PATH")
  private String scopePath;

  @Enumerated(EnumType.STRING)
  private ReportFormat format;

  private String locale;

  @Column(name = "OWNER_LOGIN")
  private String ownerLogin;

  @Column(name = "OWNER_BRANCH_ID")
  private Long ownerBranchId;

  private boolean active;

  @Column(name = "NEXT_FIRE_AT")
  private Instant nextFireAt;

  @Column(name = "LAST_FIRED_AT")
  private Instant lastFiredAt;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "REPORT_SCHEDULE_RECIPIENT", joinColumns = @JoinColumn(name = "SCHEDULE_ID"))
  private Set<ScheduleRecipient> recipients = new LinkedHashSet<>();

  @Version private int version;

  protected ReportSchedule() {}

  /** What a schedule is made of; validated by the application service before it gets here. */
  public record Definition(
      String name,
      String reportCode,
      CronSchedule cron,
      ZoneId zone,
      String calendarCode,
      boolean workingDaysOnly,
      RelativePeriod period,
      Long branchId,
      String scopePath,
      ReportFormat format,
      String locale,
      Set<ScheduleRecipient> recipients) {}

  public static ReportSchedule create(Definition d, String ownerLogin, Long ownerBranchId, Instant firstFireAt, Instant now) {
    ReportSchedule s = new ReportSchedule();
    s.name = d.name();
    s.reportCode = d.reportCode();
    s.cron = d.cron().toString();
    s.zoneId = d.zone().getId();
    s.calendarCode = d.calendarCode();
    s.workingDaysOnly = d.workingDaysOnly();
    s.period = d.period();
    s.branchId = d.branchId();
    s.scopePath = d.scopePath();
    s.format = d.format();
    s.locale = d.locale();
    s.recipients.addAll(d.recipients());
    s.ownerLogin = ownerLogin;
    s.ownerBranchId = ownerBranchId;
    s.active = true;
    s.nextFireAt = firstFireAt;
    s.createdAt = now;
    return s;
  }

  /** Stops firing; the archive and inbox keep what it produced. */
  public void deactivate() {
    active = false;
  }

  public CronSchedule cronSchedule() {
    return CronSchedule.parse(cron);
  }

  public ZoneId zone() {
    return ZoneId.of(zoneId);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getReportCode() {
    return reportCode;
  }

  public String getCron() {
    return cron;
  }

  public String getZoneId() {
    return zoneId;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public boolean isWorkingDaysOnly() {
    return workingDaysOnly;
  }

  public RelativePeriod getPeriod() {
    return period;
  }

  public Long getBranchId() {
    return branchId;
  }

  public String getScopePath() {
    return scopePath;
  }

  public ReportFormat getFormat() {
    return format;
  }

  public String getLocale() {
    return locale;
  }

  public String getOwnerLogin() {
    return ownerLogin;
  }

  public Long getOwnerBranchId() {
    return ownerBranchId;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getNextFireAt() {
    return nextFireAt;
  }

  public Instant getLastFiredAt() {
    return lastFiredAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Set<ScheduleRecipient> getRecipients() {
    return Set.copyOf(recipients);
  }
}
