package org.centralis.acd.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import org.centralis.it.Api;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Erlang C planner over HTTP: figures, roles, and bad parameters named in problem+json. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanningApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  static final String CLASSIC = "arrivalsPerHour=360&ahtSeconds=240";

  @Test
  void supervisorGetsTheErlangCFigures() {
    Api.Reply reply = new Api(base).get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=20");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    JsonObject f = reply.json();
    // 24 Erlangs on 29 agents (docs/erlang-c.md).
    assertEquals(24.0, f.getJsonNumber("trafficErlangs").doubleValue(), 1e-12);
    assertEquals(0.242273984673597, f.getJsonNumber("probabilityOfWaiting").doubleValue(), 1e-9);
    assertEquals(0.840283145662605, f.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
    assertEquals(11.62915126433268, f.getJsonNumber("asaSeconds").doubleValue(), 1e-9);
    assertEquals(24.0 / 29, f.getJsonNumber("occupancy").doubleValue(), 1e-12);
    assertTrue(f.getBoolean("stable"));
  }

  @Test
  void overloadedQueueAnswersNullWaitAndNotStable() {
    Api.Reply reply = new Api(base).get("hq1", "/api/planning/erlang-c?" + CLASSIC + "&agents=24&thresholdSeconds=20");
    assertEquals(200, reply.status(), reply.body());
    JsonObject f = reply.json();
    assertFalse(f.getBoolean("stable"));
    assertTrue(f.containsKey("asaSeconds"), "the null is written, not left out: " + reply.body());
    assertEquals(JsonValue.NULL, f.get("asaSeconds"));
    assertEquals(1.0, f.getJsonNumber("probabilityOfWaiting").doubleValue(), 0);
    assertEquals(0.0, f.getJsonNumber("serviceLevel").doubleValue(), 0);
  }

  @Test
  void requiredAgentsWithOccupancyCapAndShrinkage() {
    Api api = new Api(base);
    Api.Reply reply = api.get("super1", "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20&targetServiceLevel=0.8&maxOccupancy=0.85&shrinkage=0.3");
    assertEquals(200, reply.status(), reply.body());
    JsonObject s = reply.json();
    assertEquals(29, s.getInt("agents"));
    assertEquals(42, s.getInt("agentsWithShrinkage")); // ⌈29 / 0.7⌉
    assertEquals(0.840283145662605, s.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
    assertEquals(24.0 / 29, s.getJsonNumber("occupancy").doubleValue(), 1e-12);
    assertEquals(0.242273984673597, s.getJsonNumber("probabilityOfWaiting").doubleValue(), 1e-9);
    // maxOccupancy and shrinkage are optional; decimal shrinkage: ⌈21 / 0.7⌉ is 30, not 31.
    JsonObject plain = api.get("admin1", "/api/planning/required-agents?arrivalsPerHour=340&ahtSeconds=180&thresholdSeconds=20&targetServiceLevel=0.8&shrinkage=0.3").json();
    assertEquals(21, plain.getInt("agents"));
    assertEquals(30, plain.getInt("agentsWithShrinkage"));
    // A large center stays exact and fast: 1,400 Erlangs need 1,414 agents for 80/20.
    assertEquals(1414, api.get("super1", "/api/planning/required-agents?arrivalsPerHour=21000&ahtSeconds=240&thresholdSeconds=20&targetServiceLevel=0.8").json().getInt("agents"));
  }

  @Test
  void onlyPlannersMayAsk() {
    Api api = new Api(base);
    String path = "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=20";
    assertProblem(api.get("staff1", path), 403, "forbidden");
    assertProblem(api.get("agent1", path), 403, "forbidden");
    assertProblem(api.get("cti", "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20&targetServiceLevel=0.8"), 403, "forbidden");
    assertProblem(api.get(null, path), 401, "unauthorized");
  }

  @Test
  void badParametersAreNamed() {
    Api api = new Api(base);
    assertField(api.get("super1", "/api/planning/erlang-c?ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=abc&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=NaN&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=-5&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?" + "arrivalsPerHour=360&ahtSeconds=0&agents=29&thresholdSeconds=20"), "ahtSeconds");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=2.5&thresholdSeconds=20"), "agents");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=100001&thresholdSeconds=20"), "agents");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=-1"), "thresholdSeconds");
    String required = "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20";
    assertField(api.get("super1", required), "targetServiceLevel");
    assertField(api.get("super1", required + "&targetServiceLevel=80"), "targetServiceLevel");
    assertField(api.get("super1", required + "&targetServiceLevel=0.8&maxOccupancy=0"), "maxOccupancy");
    assertField(api.get("super1", required + "&targetServiceLevel=0.8&shrinkage=1"), "shrinkage");
    Api.Reply tooBig = api.get("super1", "/api/planning/required-agents?arrivalsPerHour=1500000&ahtSeconds=240&thresholdSeconds=20&targetServiceLevel=0.8");
    assertProblem(tooBig, 400, "staffing-limit");
  }

  static void assertField(Api.Reply reply, String field) {
    assertProblem(reply, 400, "invalid-parameter");
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(field, error.getString("field"), reply.body());
  }

}
