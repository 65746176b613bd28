package org.centralis.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Who receives a scheduled report: one user by login, or everyone holding a role whose subtree covers the scope. */
@Embeddable
public class ScheduleRecipient {

  public enum Kind {
    USER,
    ROLE
  }

  @Column(name = "KIND")
  private String kind;

  @Column(name = "RECIPIENT")
  private String value;

  protected ScheduleRecipient() {}

  public ScheduleRecipient(Kind kind, String value) {
    this.kind = kind.name();
    this.value = Objects.requireNonNull(value);
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScheduleRecipient r && kind.equals(r.kind) && value.equals(r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value);
  }

  @Override
  public String toString() {
    return kind + ":" + value;
  }
}
