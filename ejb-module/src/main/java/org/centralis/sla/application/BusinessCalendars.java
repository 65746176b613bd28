package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.regex.Pattern;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.CalendarDefinition;
import org.centralis.sla.domain.HolidayFeed;

/**
 * Business calendars: administrators define them; everyone signed in reads them and asks for
 * deadlines and working time on them (the arithmetic is {@link BusinessCalendar}'s).
 */
@Stateless
public class BusinessCalendars {

  /** What a PUT did: the stored calendar, and whether it was new. */
  public record Saved(CalendarDocument calendar, boolean created) {}

  /** What an iCalendar import did: holiday dates added, and dates of the feed the calendar already had. */
  public record HolidayImport(String calendar, int added, int alreadyPresent) {}

  /** A calendar in a list. */
  public record CalendarRef(String code, String name, String timezone) {}

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;

  /** Creates or replaces the calendar {@code code} with the document's rules (audited as CALENDAR_CHANGED). */
  @RolesAllowed(Role.ADMIN_NAME)
  public Saved put(String code, @NotNull @Valid CalendarDocument document) {
    requireCode(code);
    if (document.code() != null && !document.code().equals(code)) {
      throw new InvalidInputException("code", "code-mismatch", "the body's code " + document.code() + " differs from the path's " + code, "code");
    }
    BusinessCalendar calendar = document.toCalendar();
    String name = document.name().strip();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Optional<CalendarDefinition> existing = find(code);
    String before = existing.map(BusinessCalendars::summary).orElse(null);
    CalendarDefinition stored = existing.orElseGet(() -> CalendarDefinition.create(code, name, calendar, now));
    if (existing.isPresent()) {
      stored.replace(name, calendar, now);
    } else {
      em.persist(stored);
    }
    flush(code); // a concurrent create of the same code, or a concurrent replace, fails here, not at commit
    auditTrail.record(new AuditEntry("CALENDAR_CHANGED", "BUSINESS_CALENDAR", code, before, summary(stored)));
    return new Saved(CalendarDocument.of(code, name, calendar), existing.isEmpty());
  }

  /**
   * Adds the holiday dates of an iCalendar feed ({@link HolidayFeed}) to the calendar; dates it
   * already has are kept and counted. Audited as CALENDAR_CHANGED when something was added. Open
   * clocks keep their deadlines until their next recompute, as after a PUT.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public HolidayImport importHolidays(String code, String ics) {
    NavigableSet<LocalDate> dates = HolidayFeed.parse(ics);
    CalendarDefinition stored = require(code);
    String before = summary(stored);
    int added = stored.addHolidayDates(dates, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    if (added > 0) {
      flush(code);
      auditTrail.record(new AuditEntry("CALENDAR_CHANGED", "BUSINESS_CALENDAR", code, before, summary(stored) + " (iCalendar import: " + added + " dates added)"));
    }
    return new HolidayImport(code, added, dates.size() - added);
  }

  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.CTI_NAME})
  public List<CalendarRef> list() {
    return em.createNamedQuery("CalendarDefinition.findAll", CalendarDefinition.class).getResultList().stream()
        .map(c -> new CalendarRef(c.getCode(), c.getName(), c.getTimeZone()))
        .toList();
  }

  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.CTI_NAME})
  public CalendarDocument get(String code) {
    CalendarDefinition stored = require(code);
    return CalendarDocument.of(stored.getCode(), stored.getName(), stored.toBusinessCalendar());
  }

  /** The instant {@code seconds} of working time after {@code start}, in the calendar's zone. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.CTI_NAME})
  public OffsetDateTime deadline(String code, Instant start, long seconds) {
    BusinessCalendar calendar = require(code).toBusinessCalendar();
    return calendar.addWorkingTime(start, seconds).atZone(calendar.zone()).toOffsetDateTime();
  }

  /** Working seconds in [from, to) on the calendar. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.CTI_NAME})
  public long workingTime(String code, Instant from, Instant to) {
    return require(code).toBusinessCalendar().workingSecondsBetween(from, to);
  }

  private void flush(String code) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "calendar " + code + " was changed at the same time; read it again and retry", code);
    }
  }

  private CalendarDefinition require(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("calendar", code));
  }

  private Optional<CalendarDefinition> find(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return em.createNamedQuery("CalendarDefinition.findByCode", CalendarDefinition.class).setParameter("code", code).getResultStream().findFirst();
  }

  private static void requireCode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidInputException("code", "invalid-code", "a calendar code is 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit", "code");
    }
  }

  private static String summary(CalendarDefinition c) {
    return c.getName() + ": " + c.toBusinessCalendar();
  }
}
