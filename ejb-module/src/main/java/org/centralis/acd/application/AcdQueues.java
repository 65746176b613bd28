package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.AgentState;
import org.centralis.acd.domain.InteractionState;
import org.centralis.acd.domain.OverflowStep;
import org.centralis.acd.domain.QueueRules;
import org.centralis.acd.domain.ReadyAgent;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.acd.domain.Skill;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;

/** The queues and their live figures (see {@link QueueStats} for the service-level formula). */
@Stateless
@RolesAllowed({Role.CTI_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
public class AcdQueues {

  @PersistenceContext private EntityManager em;

  public List<QueueView> list() {
    Map<Long, String> skills = skillCodes();
    List<RoutingQueue> queues = em.createNamedQuery("RoutingQueue.findActive", RoutingQueue.class).getResultList();
    Map<Long, String> codes = queues.stream().collect(Collectors.toMap(RoutingQueue::getId, RoutingQueue::getCode));
    return queues.stream().map(q -> {
      QueueRules rules = q.rules(skills);
      List<String> steps = q.getOverflowSteps().stream().map(s -> s.kind() == OverflowStep.Kind.WIDEN
          ? "after " + s.afterSeconds() + " s widen by " + s.levelDelta()
          : "after " + s.afterSeconds() + " s move to " + codes.getOrDefault(s.targetQueueId(), String.valueOf(s.targetQueueId()))).toList();
      return new QueueView(q.getCode(), q.getName(), q.getNameEn(), q.getStrategy().name(), new LinkedHashMap<>(rules.requiredLevels(0)),
          q.getTierPriorities(), q.getSlTargetPercent(), q.getSlThresholdSeconds(), q.getMaxWaitSeconds(), q.getWrapUpSeconds(),
          q.getOfferTimeoutSeconds(), q.getMaxMisses(), q.getCalendarCode(), q.getClosedAction().name(), steps);
    }).toList();
  }

  public QueueStats stats(String code) {
    RoutingQueue q = em.createNamedQuery("RoutingQueue.findByCode", RoutingQueue.class).setParameter("code", code).getResultList().stream()
        .findFirst().orElseThrow(() -> new NotFoundException("queue", code));
    Instant now = AcdClock.now();
    LocalDate today = AcdClock.today(now);
    Instant dayStart = today.atStartOfDay(AcdClock.ZONE).toInstant();
    List<Object[]> rows = em.createQuery(
            "SELECT i.state, i.arrivedAt, i.answeredAt, i.endedAt FROM Interaction i WHERE i.queueId = :q AND i.arrivedAt >= :from", Object[].class)
        .setParameter("q", q.getId()).setParameter("from", dayStart).getResultList();
    // Contacts still waiting since before today count too.
    List<Instant> waitingSince = em.createQuery(
            "SELECT i.arrivedAt FROM Interaction i WHERE i.queueId = :q AND i.state IN :open", Instant.class)
        .setParameter("q", q.getId()).setParameter("open", List.of(InteractionState.WAITING, InteractionState.OFFERED)).getResultList();
    long threshold = q.getSlThresholdSeconds();
    int offered = rows.size();
    int answered = 0;
    int abandoned = 0;
    int within = 0;
    int abandonedLate = 0;
    for (Object[] r : rows) {
      InteractionState state = (InteractionState) r[0];
      Instant arrived = (Instant) r[1];
      Instant answeredAt = (Instant) r[2];
      if (answeredAt != null) {
        answered++;
        if (Duration.between(arrived, answeredAt).toSeconds() <= threshold) {
          within++;
        }
      } else if (state == InteractionState.ABANDONED) {
        abandoned++;
        Instant ended = (Instant) r[3];
        if (ended != null && Duration.between(arrived, ended).toSeconds() > threshold) {
          abandonedLate++;
        }
      }
    }
    // docs/metrics.md: the queue's own formula, the one the reports use too
    double serviceLevel = q.getSlFormula().of(within, abandoned - abandonedLate, answered + abandoned);
    long longest = waitingSince.stream().mapToLong(t -> Duration.between(t, now).toSeconds()).max().orElse(0);
    return new QueueStats(q.getCode(), waitingSince.size(), longest, agentsByState(q, today), offered, answered, abandoned, within,
        Double.isNaN(serviceLevel) ? null : serviceLevel, q.getSlTargetPercent(), q.getSlThresholdSeconds());
  }

  /** Agents whose skills meet the queue's (unwidened) levels, by state; logged-out agents left out. */
  private Map<String, Integer> agentsByState(RoutingQueue q, LocalDate today) {
    QueueRules rules = q.rules(skillCodes());
    Map<Long, Map<String, Integer>> levels = new HashMap<>();
    List<AgentSeat> seats = em.createNamedQuery("AgentSeat.findAll", AgentSeat.class).getResultList().stream()
        .filter(s -> s.getState() != AgentState.LOGGED_OUT).toList();
    if (!seats.isEmpty()) {
      for (Object[] row : em.createNamedQuery("AgentSkill.levelsOf", Object[].class)
          .setParameter("ids", seats.stream().map(AgentSeat::getStaffId).toList()).getResultList()) {
        levels.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((String) row[1], ((Number) row[2]).intValue());
      }
    }
    Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      if (s != AgentState.LOGGED_OUT) {
        counts.put(s, 0);
      }
    }
    Map<String, Integer> required = rules.requiredLevels(0);
    for (AgentSeat s : seats) {
      ReadyAgent a = new ReadyAgent(s.getStaffId(), s.getLogin(), levels.getOrDefault(s.getStaffId(), Map.of()), s.getStateSince(), 0, 0);
      if (a.meets(required)) {
        counts.merge(s.getState(), 1, Integer::sum);
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  private Map<Long, String> skillCodes() {
    return em.createNamedQuery("Skill.findAll", Skill.class).getResultList().stream().collect(Collectors.toMap(Skill::getId, Skill::getCode));
  }
}
