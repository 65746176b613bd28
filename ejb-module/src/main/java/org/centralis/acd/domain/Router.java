package org.centralis.acd.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The routing decision, pure code: which ready agent gets which waiting contact, and why.
 *
 * <p>The rule, exactly: all waiting contacts of the queues concerned are taken in one global order
 * ({@link WaitingContact#QUEUE_ORDER}: priority, then original arrival, then id). Each contact in
 * turn goes to the best eligible agent not yet taken in this pass, ranked by its own queue's
 * strategy; agents who declined that contact before rank last. Consequence: an agent who serves
 * several queues is given the highest-priority, longest-waiting contact among all of them that
 * reaches him — a contact ahead of it in the global order only takes him if he is that contact's
 * best candidate.
 *
 * <p>Reserving is the caller's job ({@code reserve}): it returns false when another router (another
 * node) took the agent or the contact first; the contact then tries its next candidate, and a lost
 * agent is not offered again in this pass.
 */
public final class Router {

  static final int MAX_EXPLAINED = 20;

  /** A decision: the contact, the agent, and the explanation to store with the offer. */
  public record Match(WaitingContact contact, ReadyAgent agent, QueueRules queue, RoutingExplanation explanation) {}

  /** What reserving a match answered: done, the agent was taken, or the contact was taken. */
  public enum Reservation {
    RESERVED,
    AGENT_TAKEN,
    CONTACT_TAKEN
  }

  private Router() {}

  /** Plans and reserves matches; returns the matches reserved, in decision order. */
  public static List<Match> assign(
      Collection<WaitingContact> waiting, Collection<ReadyAgent> ready, Map<Long, QueueRules> queues, Instant now,
      Reserver reserve) {
    List<WaitingContact> contacts = waiting.stream().sorted(WaitingContact.QUEUE_ORDER).toList();
    Set<Long> taken = new HashSet<>();
    Map<Long, Long> roundRobin = new HashMap<>();
    List<Match> matches = new ArrayList<>();
    for (WaitingContact contact : contacts) {
      if (taken.size() == ready.size()) {
        break;
      }
      QueueRules queue = queues.get(contact.queueId());
      if (queue == null) {
        continue;
      }
      if (roundRobin.containsKey(queue.id())) {
        queue = queue.withRoundRobinLast(roundRobin.get(queue.id()));
      }
      Map<String, Integer> levels = queue.requiredLevels(contact.relaxation());
      List<Ranked> ranked = rank(queue, contact, levels, ready.stream().filter(a -> !taken.contains(a.id()) && a.meets(levels)).toList(), now);
      List<String> lost = new ArrayList<>();
      for (Ranked r : ranked) {
        RoutingExplanation why = explain(queue, contact, levels, ranked, lost, r, now);
        Match match = new Match(contact, r.agent(), queue, why);
        Reservation outcome = reserve.reserve(match);
        if (outcome == Reservation.RESERVED) {
          taken.add(r.agent().id());
          matches.add(match);
          roundRobin.put(queue.id(), r.agent().id());
          break;
        }
        if (outcome == Reservation.CONTACT_TAKEN) {
          break;
        }
        taken.add(r.agent().id());
        lost.add(r.agent().login());
      }
    }
    return matches;
  }

  /** A plan without side effects: every reservation succeeds. */
  public static List<Match> plan(Collection<WaitingContact> waiting, Collection<ReadyAgent> ready, Map<Long, QueueRules> queues, Instant now) {
    return assign(waiting, ready, queues, now, m -> Reservation.RESERVED);
  }

  /** Reserves a match (conditional updates in the database); see {@link Reservation}. */
  @FunctionalInterface
  public interface Reserver {
    Reservation reserve(Match match);
  }

  /** An eligible agent with the strategy's score and what it means. */
  record Ranked(ReadyAgent agent, double score, String meaning, boolean declined) {}

  /** The eligible agents, best first. */
  static List<Ranked> rank(QueueRules queue, WaitingContact contact, Map<String, Integer> levels, List<ReadyAgent> eligible, Instant now) {
    Comparator<ReadyAgent> tieBreak = Comparator.comparing(ReadyAgent::idleSince).thenComparingLong(ReadyAgent::id);
    List<Ranked> ranked = new ArrayList<>();
    switch (queue.strategy()) {
      case LONGEST_IDLE -> eligible.forEach(a -> ranked.add(new Ranked(a, idleSeconds(a, now), "idle seconds, more is better", false)));
      case LEAST_OCCUPIED -> eligible.forEach(a -> ranked.add(new Ranked(a, round(a.occupancy()), "occupancy today, less is better", false)));
      case FEWEST_CONTACTS -> eligible.forEach(a -> ranked.add(new Ranked(a, a.contactsToday(), "contacts today, fewer is better", false)));
      case HIGHEST_SKILL -> eligible.forEach(a -> ranked.add(new Ranked(a, a.levelSum(levels), "sum of required skill levels, more is better", false)));
      case ROUND_ROBIN -> {
        long last = queue.roundRobinLast() == null ? Long.MIN_VALUE : queue.roundRobinLast();
        List<ReadyAgent> byId = eligible.stream().sorted(Comparator.comparingLong(ReadyAgent::id)).toList();
        int start = 0;
        while (start < byId.size() && byId.get(start).id() <= last) {
          start++;
        }
        for (int i = 0; i < byId.size(); i++) {
          ReadyAgent a = byId.get((start + i) % byId.size());
          ranked.add(new Ranked(a, i + 1, "turn after the last agent served (" + (queue.roundRobinLast() == null ? "none" : queue.roundRobinLast()) + "), lower is sooner", false));
        }
      }
      default -> throw new IllegalStateException("unknown strategy " + queue.strategy());
    }
    Comparator<Ranked> byScore =
        switch (queue.strategy()) {
          case LONGEST_IDLE, HIGHEST_SKILL -> Comparator.comparingDouble(Ranked::score).reversed();
          default -> Comparator.comparingDouble(Ranked::score);
        };
    Comparator<Ranked> order =
        Comparator.comparing((Ranked r) -> contact.declinedBy().contains(r.agent().id()))
            .thenComparing(byScore)
            .thenComparing(Ranked::agent, tieBreak);
    return ranked.stream()
        .map(r -> new Ranked(r.agent(), r.score(), r.meaning(), contact.declinedBy().contains(r.agent().id())))
        .sorted(order)
        .toList();
  }

  private static RoutingExplanation explain(
      QueueRules queue, WaitingContact contact, Map<String, Integer> levels, List<Ranked> ranked, List<String> lost, Ranked chosen, Instant now) {
    List<RoutingExplanation.Candidate> listed = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < MAX_EXPLAINED; i++) {
      Ranked r = ranked.get(i);
      listed.add(new RoutingExplanation.Candidate(i + 1, r.agent().id(), r.agent().login(), r.score(), r.meaning(), r.declined()));
    }
    List<String> relaxed = new ArrayList<>();
    queue.requiredLevels(0).forEach((skill, level) -> {
      if (levels.get(skill) < level) {
        relaxed.add(skill + " " + level + "→" + levels.get(skill));
      }
    });
    String rule = rule(queue, chosen, ranked.size(), lost.size());
    return new RoutingExplanation(queue.code(), queue.strategy(), contact.priority(), contact.waited(now).toSeconds(),
        contact.relaxation(), levels, relaxed, listed, ranked.size(), lost, chosen.agent().login(), rule);
  }

  private static String rule(QueueRules queue, Ranked chosen, int eligible, int lost) {
    String who = chosen.agent().login();
    String base =
        switch (queue.strategy()) {
          case LONGEST_IDLE -> "LONGEST_IDLE: " + who + " idle " + (long) chosen.score() + " s, the longest";
          case LEAST_OCCUPIED -> "LEAST_OCCUPIED: " + who + " occupancy " + chosen.score() + ", the lowest";
          case ROUND_ROBIN -> "ROUND_ROBIN: " + who + " is next in turn";
          case HIGHEST_SKILL -> "HIGHEST_SKILL: " + who + " level sum " + (long) chosen.score() + ", the highest";
          case FEWEST_CONTACTS -> "FEWEST_CONTACTS: " + who + " " + (long) chosen.score() + " contacts today, the fewest";
        };
    base += " among " + eligible + " eligible";
    if (chosen.declined()) {
      base += "; every other eligible agent was taken, so one who declined before is offered again";
    }
    if (lost > 0) {
      base += "; " + lost + " better candidate(s) were reserved by another router first";
    }
    return base + "; ties by longest idle, then lowest id";
  }

  private static double idleSeconds(ReadyAgent a, Instant now) {
    return Math.max(0, Duration.between(a.idleSince(), now).toSeconds());
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  /** Agents of {@code agents} eligible for the contact (used by statistics and the desk). */
  public static Predicate<ReadyAgent> eligibleFor(QueueRules queue, int relaxation) {
    Map<String, Integer> levels = queue.requiredLevels(relaxation);
    return a -> a.meets(levels);
  }
}
