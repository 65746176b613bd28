package org.centralis.reporting.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.reporting.domain.CronSchedule;
import org.centralis.reporting.domain.RelativePeriod;
import org.centralis.reporting.domain.ReportSchedule;
import org.centralis.reporting.domain.ScheduleRecipient;
import org.centralis.reports.ReportFormat;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.BusinessCalendar;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Report subscriptions (订阅). A schedule's scope is fixed when it is made — the owner's subtree or a branch inside it —
 * so a branch manager's schedule only ever reports their branches, whoever receives it; recipients must be able to read
 * that scope. Creating and cancelling are audited.
 */
@Stateless
@RolesAllowed({Role.HQ_MANAGER_NAME, Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
public class ReportSchedules {

  /** The roles that may read report runs (this bean's and ReportRuns' @RolesAllowed): the only possible recipients. */
  public static final Set<String> READER_ROLES = Set.of(Role.HQ_MANAGER.name(), Role.SUPERVISOR.name(), Role.ADMIN.name());

  /** How many upcoming firings a preview lists. */
  static final int PREVIEW = 5;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private ReportRequests requests;
  @Inject private OrganizationDirectory organization;
  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  private String serviceCenterZone;

  public ScheduleView create(@NotNull @Valid ScheduleRequest request) {
    Caller caller = currentCaller.get();
    requests.available(request.report());
    CronSchedule cron = cron(request.cron());
    BusinessCalendar calendar = calendar(request.calendar());
    ZoneId zone = calendar == null ? ZoneId.of(serviceCenterZone) : calendar.zone();
    String scope = requests.scope(caller, request.branch());
    RelativePeriod period = period(request.period());
    ReportFormat format = format(request.format());
    Set<ScheduleRecipient> recipients = recipients(request.recipients(), caller, scope);
    String locale = request.locale() != null && request.locale().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh_CN";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant first = cron.nextAfter(now, zone, CalendarDays.working(calendar, request.workingDaysOnly()));
    ReportSchedule schedule =
        ReportSchedule.create(
            new ReportSchedule.Definition(
                request.name().strip(), request.report(), cron, zone, request.calendar(), request.workingDaysOnly() && calendar != null, period, request.branch(),
                scope, format, locale, recipients),
            caller.login(), caller.branchId(), first, now);
    em.persist(schedule);
    em.flush();
    ScheduleView view = ScheduleView.of(schedule);
    audit.record(new AuditEntry("REPORT_SCHEDULE_CREATED", "REPORT_SCHEDULE", String.valueOf(schedule.getId()), null, summary(view)));
    return view;
  }

  /** Schedules the caller owns or whose scope lies in the caller's subtree; newest first. */
  public List<ScheduleView> list() {
    Caller caller = currentCaller.get();
    return em.createQuery(
            "SELECT s FROM ReportSchedule s WHERE s.ownerLogin = :me OR s.scopePath LIKE :scope ORDER BY s.createdAt DESC, s.id DESC", ReportSchedule.class)
        .setParameter("me", caller.login())
        .setParameter("scope", caller.branchPath() + "%")
        .getResultList()
        .stream()
        .map(ScheduleView::of)
        .toList();
  }

  public ScheduleView get(long id) {
    return ScheduleView.of(visible(id));
  }

  /** Stops a schedule: its owner, or an administrator whose subtree covers it. Runs already archived stay. */
  public ScheduleView cancel(long id) {
    Caller caller = currentCaller.get();
    ReportSchedule schedule = visible(id);
    if (!caller.login().equals(schedule.getOwnerLogin()) && !caller.has(Role.ADMIN)) {
      throw new ForbiddenException("not-schedule-owner", caller.login() + " does not own schedule " + id, id);
    }
    if (schedule.isActive()) {
      schedule.deactivate();
      em.flush();
      audit.record(new AuditEntry("REPORT_SCHEDULE_CANCELLED", "REPORT_SCHEDULE", String.valueOf(id), "active", "cancelled"));
    }
    return ScheduleView.of(schedule);
  }

  /** The next firings an expression would have, and the period each covers; nothing is saved. */
  public List<Firing> preview(@NotNull String cronText, String calendarCode, boolean workingDaysOnly, @NotNull String periodText) {
    CronSchedule cron = cron(cronText);
    BusinessCalendar calendar = calendar(calendarCode);
    ZoneId zone = calendar == null ? ZoneId.of(serviceCenterZone) : calendar.zone();
    RelativePeriod period = period(periodText);
    Predicate<LocalDate> working = CalendarDays.working(calendar, workingDaysOnly);
    List<Firing> firings = new ArrayList<>();
    Instant at = Instant.now();
    for (int i = 0; i < PREVIEW; i++) {
      at = cron.nextAfter(at, zone, working);
      RelativePeriod.Days days = period.resolve(LocalDate.ofInstant(at, zone));
      firings.add(new Firing(at.atZone(zone).toOffsetDateTime(), days.from(), days.to()));
    }
    return firings;
  }

  /** One upcoming firing: when, and the days its run covers. */
  public record Firing(OffsetDateTime at, LocalDate from, LocalDate to) {}

  private ReportSchedule visible(long id) {
    Caller caller = currentCaller.get();
    ReportSchedule s = em.find(ReportSchedule.class, id);
    if (s == null || !(caller.login().equals(s.getOwnerLogin()) || caller.canSee(s.getScopePath()))) {
      throw new NotFoundException("report schedule", id);
    }
    return s;
  }

  private Set<ScheduleRecipient> recipients(List<String> requested, Caller caller, String scope) {
    Set<ScheduleRecipient> recipients = new LinkedHashSet<>();
    if (requested == null || requested.isEmpty()) {
      recipients.add(new ScheduleRecipient(ScheduleRecipient.Kind.USER, caller.login()));
      return recipients;
    }
    for (String r : requested) {
      String text = r.strip();
      int colon = text.indexOf(':');
      String kind = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : text.substring(colon + 1).strip();
      switch (kind) {
        case "user" -> {
          var staff = organization.activeStaff(value)
              .filter(s -> s.oversees(scope) && s.roles().stream().anyMatch(READER_ROLES::contains))
              .orElseThrow(() -> new InvalidInputException(
                  "recipients", "invalid-recipient", value + " is not an active user who may read reports of " + scope, text));
          recipients.add(new ScheduleRecipient(ScheduleRecipient.Kind.USER, staff.login()));
        }
        case "role" -> {
          if (!READER_ROLES.contains(value.toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("recipients", "invalid-recipient", "role " + value + " may not read reports; use one of " + READER_ROLES, text);
          }
          recipients.add(new ScheduleRecipient(ScheduleRecipient.Kind.ROLE, value.toUpperCase(Locale.ROOT)));
        }
        default -> throw new InvalidInputException("recipients", "invalid-recipient", "a recipient is user:<login> or role:<ROLE>, not " + text, text);
      }
    }
    return recipients;
  }

  private static CronSchedule cron(String text) {
    try {
      return CronSchedule.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cron", "invalid-cron", e.getMessage(), text);
    }
  }

  private static RelativePeriod period(String text) {
    try {
      return RelativePeriod.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("period", "invalid-period", "period is one of PREVIOUS_DAY, PREVIOUS_WEEK, PREVIOUS_MONTH, PREVIOUS_QUARTER, PREVIOUS_YEAR", text);
    }
  }

  private static ReportFormat format(String text) {
    if (text == null || text.isBlank()) {
      return ReportFormat.PDF;
    }
    try {
      return ReportFormat.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("format", "invalid-parameter", "format is PDF, XLSX or HTML", text);
    }
  }

  private BusinessCalendar calendar(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return CalendarDays.find(em, code).orElseThrow(() -> new InvalidInputException("calendar", "unknown-calendar", "no calendar " + code, code));
    } catch (DateTimeException e) {
      throw new InvalidInputException("calendar", "unknown-calendar", "calendar " + code + " has an unknown zone", code);
    }
  }

  private static String summary(ScheduleView v) {
    return v.report() + " '" + v.name() + "' cron " + v.cron() + " " + v.zone() + (v.calendar() == null ? "" : " calendar " + v.calendar())
        + (v.workingDaysOnly() ? " working days" : "") + " " + v.period() + " scope " + v.scopePath() + " " + v.format() + " to " + v.recipients();
  }
}
