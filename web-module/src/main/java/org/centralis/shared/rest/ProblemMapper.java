package org.centralis.shared.rest;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.domain.CentralisException;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;

/**
 * Turns every failure into problem+json: business exceptions by kind, Bean Validation into 400 with
 * field errors, a role check into 403, anything unexpected into a 500 that shows no internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    for (Throwable c = thrown; c != null; c = c.getCause()) {
      if (c instanceof WebApplicationException wae && isProblem(wae.getResponse())) {
        return wae.getResponse(); // e.g. 413 from BodySizeLimit, even when a JSON reader wrapped it
      }
    }
    Throwable e = unwrap(thrown);
    if (e instanceof NotFoundException nf) {
      return Problem.response(404, nf.code(), "Not Found", nf.getMessage());
    }
    if (e instanceof InvalidInputException ii) {
      return Problem.response(400, ii.code(), "Bad Request", ii.getMessage(), Map.of(ii.field(), ii.getMessage()));
    }
    if (e instanceof ConflictException c) {
      return Problem.response(409, c.code(), "Conflict", c.getMessage());
    }
    if (e instanceof ForbiddenException f) {
      return Problem.response(403, f.code(), "Forbidden", f.getMessage());
    }
    if (e instanceof CentralisException ce) {
      return Problem.response(400, ce.code(), "Bad Request", ce.getMessage());
    }
    if (e instanceof ConstraintViolationException cve) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
        fields.put(field(v), v.getMessage());
      }
      return Problem.response(400, "validation", "Bad Request", "the request has invalid fields", fields);
    }
    if (e instanceof EJBAccessException || e instanceof AccessLocalException || e instanceof SecurityException) {
      return Problem.response(403, "forbidden", "Forbidden", "your role does not allow this");
    }
    if (e instanceof JsonbException || e instanceof JsonException) {
      return Problem.response(400, "malformed-body", "Bad Request", "the request body is not valid JSON for this operation");
    }
    if (e instanceof WebApplicationException wae) {
      int status = wae.getResponse().getStatus();
      return Problem.response(status, "http-" + status, wae.getResponse().getStatusInfo().getReasonPhrase(), wae.getMessage());
    }
    LOG.log(Level.SEVERE, "unexpected failure in the API", thrown);
    return Problem.response(500, "internal", "Internal Server Error", "an unexpected error occurred; it has been logged");
  }

  private static boolean isProblem(Response r) {
    return r.getMediaType() != null && r.getMediaType().toString().startsWith(Problem.MEDIA_TYPE);
  }

  /** The deepest cause worth mapping: EJB and JAX-RS wrap the exceptions services throw. */
  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof EJBException && !(e instanceof EJBAccessException) && !(e instanceof AccessLocalException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e.getCause() instanceof JsonbException || e.getCause() instanceof ConstraintViolationException) {
      return e.getCause();
    }
    return e;
  }

  /** "logRequest.arg0.subject" → "subject": clients know their fields, not our method names. */
  private static String field(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
