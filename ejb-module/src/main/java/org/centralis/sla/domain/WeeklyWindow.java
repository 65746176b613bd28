package org.centralis.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.util.Objects;

/** A stored row of a calendar's weekly hours: a weekday and one window ("HH:MM" text, as an administrator reads it). */
@Embeddable
public class WeeklyWindow {

  @Column(name = "DAY_OF_WEEK")
  private String dayOfWeek;

  @Column(name = "FROM_TIME")
  private String fromTime;

  @Column(name = "TO_TIME")
  private String toTime;

  protected WeeklyWindow() {}

  WeeklyWindow(DayOfWeek day, TimeWindow window) {
    this.dayOfWeek = day.name();
    this.fromTime = window.from();
    this.toTime = window.to();
  }

  DayOfWeek day() {
    return DayOfWeek.valueOf(dayOfWeek);
  }

  TimeWindow window() {
    return TimeWindow.parse("weeklyHours." + dayOfWeek, fromTime, toTime);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyWindow w && dayOfWeek.equals(w.dayOfWeek) && fromTime.equals(w.fromTime) && toTime.equals(w.toTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dayOfWeek, fromTime, toTime);
  }
}
