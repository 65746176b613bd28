package org.centralis.acd.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.centralis.acd.application.AcdContacts;
import org.centralis.acd.application.ContactView;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;

/**
 * A contact for the supervisor: its facts and, per offer, the routing explanation the ACD stored
 * (candidates with their scores, the rule that chose). Reads AcdContacts' JSON into small records.
 */
@Named
@ViewScoped
public class AcdContactBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AcdContacts contacts;

  private String externalId;
  private ContactView contact;
  private List<OfferRow> offers = List.of();

  /** One offer of the contact and why it went to that agent. */
  public record OfferRow(String agent, String queue, String outcome, String offeredAt, String strategy, String rule, List<Candidate> candidates)
      implements Serializable {
    public String getAgent() {
      return agent;
    }

    public String getQueue() {
      return queue;
    }

    public String getOutcome() {
      return outcome;
    }

    public String getOfferedAt() {
      return offeredAt;
    }

    public String getStrategy() {
      return strategy;
    }

    public String getRule() {
      return rule;
    }

    public List<Candidate> getCandidates() {
      return candidates;
    }
  }

  /** A ranked candidate agent. */
  public record Candidate(int rank, String login, String score, String meaning) implements Serializable {
    public int getRank() {
      return rank;
    }

    public String getLogin() {
      return login;
    }

    public String getScore() {
      return score;
    }

    public String getMeaning() {
      return meaning;
    }
  }

  public void load() {
    if (externalId == null || externalId.isBlank()) {
      return;
    }
    try {
      contact = contacts.contact(externalId);
      JsonObject routing;
      try (JsonReader reader = Json.createReader(new StringReader(contacts.routing(externalId)))) {
        routing = reader.readObject();
      }
      offers = routing.getJsonArray("offers").getValuesAs(JsonObject.class).stream().map(AcdContactBacking::row).toList();
    } catch (RuntimeException e) {
      contact = null;
      Messages.handle(e);
    }
  }

  private static OfferRow row(JsonObject o) {
    JsonValue why = o.get("explanation");
    JsonObject e = why instanceof JsonObject x ? x : JsonValue.EMPTY_JSON_OBJECT;
    List<Candidate> candidates = e.containsKey("candidates")
        ? e.getJsonArray("candidates").getValuesAs(JsonObject.class).stream()
            .map(c -> new Candidate(c.getInt("rank", 0), text(c, "login"), String.valueOf(c.get("score")), text(c, "scoreMeaning"))).toList()
        : List.of();
    return new OfferRow(text(o, "agent"), text(o, "queue"), text(o, "outcome"), offeredAt(o), text(e, "strategy"), text(e, "rule"), candidates);
  }

  private static String offeredAt(JsonObject o) {
    String at = text(o, "offeredAt");
    return at.isEmpty() ? at : new Formats().dateTime(Instant.parse(at));
  }

  private static String text(JsonObject o, String key) {
    return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : "";
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }

  public ContactView getContact() {
    return contact;
  }

  public List<OfferRow> getOffers() {
    return offers;
  }
}
