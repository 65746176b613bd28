package org.centralis.reporting.application;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.CalendarDefinition;

/** The working days a schedule fires on, from the SLA context's business calendars (调休 included). */
public final class CalendarDays {

  private CalendarDays() {}

  public static Optional<BusinessCalendar> find(EntityManager em, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery("CalendarDefinition.findByCode", CalendarDefinition.class).setParameter("code", code).getResultStream()
        .findFirst()
        .map(CalendarDefinition::toBusinessCalendar);
  }

  /** Every day, unless the schedule keeps to a calendar's working days (a date with working hours). */
  public static Predicate<LocalDate> working(BusinessCalendar calendar, boolean workingDaysOnly) {
    return calendar == null || !workingDaysOnly ? d -> true : d -> !calendar.hoursOn(d).isEmpty();
  }
}
