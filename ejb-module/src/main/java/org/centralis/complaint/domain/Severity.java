package org.centralis.complaint.domain;

/** How serious a complaint is; drives the regulator deadline and the register's filters. */
public enum Severity {
  MINOR,
  MAJOR,
  CRITICAL
}
