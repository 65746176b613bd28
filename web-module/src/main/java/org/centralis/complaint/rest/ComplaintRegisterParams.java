package org.centralis.complaint.rest;

import jakarta.ws.rs.QueryParam;
import org.centralis.complaint.application.ComplaintFilter;
import org.centralis.complaint.domain.Severity;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.QueryParams;

/** The complaint register's filter ({@code @BeanParam}): the same for the paged register and for its export. */
public class ComplaintRegisterParams {

  @QueryParam("branch") String branch;
  @QueryParam("taxonomy") String taxonomy;
  @QueryParam("severity") String severity;
  @QueryParam("overdue") String overdue;

  ComplaintFilter filter() {
    return new ComplaintFilter(
        QueryParams.longValue("branch", branch),
        QueryParams.longValue("taxonomy", taxonomy),
        QueryParams.enumValue("severity", severity, Severity.class),
        bool("overdue", overdue));
  }

  private static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.valueOf(value);
    }
    throw new InvalidInputException(name, "invalid-boolean", name + " must be true or false", value);
  }
}
