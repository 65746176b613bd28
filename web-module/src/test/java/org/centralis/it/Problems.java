package org.centralis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** The API's error answers: RFC 9457 problem+json with Centralis problem types. */
public final class Problems {

  private Problems() {}

  /** The reply is a problem of this HTTP status and type (the last segment of {@code https://centralis.org/problems/…}). */
  public static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    assertEquals("https://centralis.org/problems/" + type, problem.getString("type"), reply.body());
    assertEquals(status, problem.getInt("status"), reply.body());
  }
}
