package org.centralis.shared.rest;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as problem+json. Needed besides {@link ProblemMapper} because the
 * JAX-RS runtime ships its own, more specific mapper for ValidationException that answers HTML.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  private final ProblemMapper problems = new ProblemMapper();

  @Override
  public Response toResponse(ValidationException e) {
    return problems.toResponse(e);
  }
}
