package org.centralis.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** A stored window on one date: a 调休 workday's hours or a break (the table decides which). */
@Embeddable
public class DatedWindow {

  @Column(name = "ON_DATE")
  private LocalDate date;

  @Column(name = "FROM_TIME")
  private String fromTime;

  @Column(name = "TO_TIME")
  private String toTime;

  protected DatedWindow() {}

  DatedWindow(LocalDate date, TimeWindow window) {
    this.date = date;
    this.fromTime = window.from();
    this.toTime = window.to();
  }

  LocalDate date() {
    return date;
  }

  TimeWindow window() {
    return TimeWindow.parse(String.valueOf(date), fromTime, toTime);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatedWindow w && Objects.equals(date, w.date) && Objects.equals(fromTime, w.fromTime) && Objects.equals(toTime, w.toTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(date, fromTime, toTime);
  }
}
