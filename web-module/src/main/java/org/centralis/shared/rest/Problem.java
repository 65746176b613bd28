package org.centralis.shared.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem, so clients can
 * branch on it; {@code detail} is for people.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://centralis.org/problems/";

  private Problem() {}

  public static Response response(int status, String type, String title, String detail) {
    return response(status, type, title, detail, null);
  }

  /** A problem with per-field errors ({@code errors: [{field, message}]}), for 400s. */
  public static Response response(int status, String type, String title, String detail, Map<String, String> fieldErrors) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("type", TYPE_BASE + type).add("title", title).add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (fieldErrors != null && !fieldErrors.isEmpty()) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      fieldErrors.forEach((field, message) -> errors.add(Json.createObjectBuilder().add("field", field).add("message", message)));
      body.add("errors", errors);
    }
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
  }
}
