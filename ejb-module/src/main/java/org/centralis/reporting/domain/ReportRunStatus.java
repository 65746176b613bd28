package org.centralis.reporting.domain;

/** QUEUED → RUNNING → DONE or FAILED; a finished run never changes again. */
public enum ReportRunStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED;

  public boolean isFinished() {
    return this == DONE || this == FAILED;
  }
}
