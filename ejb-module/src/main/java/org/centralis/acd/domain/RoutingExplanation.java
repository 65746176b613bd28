package org.centralis.acd.domain;

import java.util.List;
import java.util.Map;

/**
 * Why a contact went to an agent, stored with the offer: the candidates considered with their
 * scores, the skills relaxed by overflow, the agents lost to another router, and the deciding rule.
 *
 * @param candidates eligible agents in rank order (at most {@value Router#MAX_EXPLAINED} listed)
 * @param eligibleCount all eligible agents, listed or not
 * @param lostRaces agents this router tried but another reserved first
 */
public record RoutingExplanation(
    String queue,
    RoutingStrategy strategy,
    int priority,
    long waitedSeconds,
    int relaxation,
    Map<String, Integer> requiredLevels,
    List<String> skillsRelaxed,
    List<Candidate> candidates,
    int eligibleCount,
    List<String> lostRaces,
    String chosen,
    String rule) {

  /** One agent considered: its rank (1 = best), the strategy's score, and whether it had declined this contact before. */
  public record Candidate(int rank, long agentId, String login, double score, String scoreMeaning, boolean declinedBefore) {}

  public RoutingExplanation {
    requiredLevels = Map.copyOf(requiredLevels);
    skillsRelaxed = List.copyOf(skillsRelaxed);
    candidates = List.copyOf(candidates);
    lostRaces = List.copyOf(lostRaces);
  }

  /** The explanation as a JSON object (stored in ACD_OFFER.EXPLANATION and served by the API as is). */
  public String toJson() {
    StringBuilder b = new StringBuilder(256 + 120 * candidates.size());
    b.append("{\"queue\":").append(quote(queue))
        .append(",\"strategy\":").append(quote(strategy.name()))
        .append(",\"priority\":").append(priority)
        .append(",\"waitedSeconds\":").append(waitedSeconds)
        .append(",\"relaxation\":").append(relaxation)
        .append(",\"requiredLevels\":{");
    String sep = "";
    for (Map.Entry<String, Integer> e : requiredLevels.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      b.append(sep).append(quote(e.getKey())).append(':').append(e.getValue());
      sep = ",";
    }
    b.append("},\"skillsRelaxed\":[");
    sep = "";
    for (String s : skillsRelaxed) {
      b.append(sep).append(quote(s));
      sep = ",";
    }
    b.append("],\"eligibleCount\":").append(eligibleCount).append(",\"candidates\":[");
    sep = "";
    for (Candidate c : candidates) {
      b.append(sep).append("{\"rank\":").append(c.rank())
          .append(",\"agentId\":").append(c.agentId())
          .append(",\"login\":").append(quote(c.login()))
          .append(",\"score\":").append(number(c.score()))
          .append(",\"scoreMeaning\":").append(quote(c.scoreMeaning()))
          .append(",\"declinedBefore\":").append(c.declinedBefore())
          .append('}');
      sep = ",";
    }
    b.append("],\"lostRaces\":[");
    sep = "";
    for (String s : lostRaces) {
      b.append(sep).append(quote(s));
      sep = ",";
    }
    b.append("],\"chosen\":").append(quote(chosen)).append(",\"rule\":").append(quote(rule)).append('}');
    return b.toString();
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A JSON string literal. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
