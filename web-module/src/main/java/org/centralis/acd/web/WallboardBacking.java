package org.centralis.acd.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.acd.application.AcdQueues;
import org.centralis.acd.application.AcdSupervision;
import org.centralis.acd.application.AgentDesk;
import org.centralis.acd.application.AgentStateRequest;
import org.centralis.acd.application.QueueStats;
import org.centralis.acd.application.QueueView;
import org.centralis.acd.application.SeatView;
import org.centralis.shared.web.Charts;
import org.centralis.shared.web.Messages;
import org.primefaces.PrimeFaces;

/**
 * The supervisor's wallboard: each queue's live figures and service level (also as a chart), and
 * the seats of the supervisor's scope, which they may force READY or NOT_READY (AgentDesk audits
 * that as AGENT_STATE_FORCED). The page polls {@link #refresh()}.
 */
@Named
@ViewScoped
public class WallboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String GOOD = "#16a34a";
  private static final String BELOW = "#dc2626";
  private static final String NONE = "#94a3b8";

  @Inject private AcdQueues queues;
  @Inject private AgentDesk desk;
  @Inject private AcdSupervision supervision;

  private final List<QueueRow> rows = new ArrayList<>();
  private List<SeatView> seats = List.of();
  private final Map<String, String> reasonLabels = new HashMap<>();
  private final List<AgentDeskBacking.Reason> reasons = new ArrayList<>();
  private String reason;
  private String chart;
  private List<AcdSupervision.WaitingView> waiting = List.of();
  /** The contact being steered (its external id), and the dialog's fields. */
  private String steering;
  private String steerQueue;
  private Integer steerPriority;
  private String steerReason;
  private String steerFromQueue;
  private int steerFromPriority;

  /** A queue's name and figures. */
  public record QueueRow(String code, String name, QueueStats stats) implements Serializable {
    public String getCode() {
      return code;
    }

    public String getName() {
      return name;
    }

    public QueueStats getStats() {
      return stats;
    }

    /** Service level in whole percent, or null when nothing counts yet. */
    public Long getServiceLevelPercent() {
      return stats.serviceLevel() == null ? null : Math.round(stats.serviceLevel() * 100);
    }

    public boolean isBelowTarget() {
      return stats.serviceLevel() != null && stats.serviceLevel() * 100 < stats.serviceLevelTargetPercent();
    }

    public int agents(String state) {
      return stats.agentsByState().getOrDefault(state, 0);
    }
  }

  @PostConstruct
  void init() {
    try {
      boolean english = Messages.english();
      desk.reasons().forEach(r -> {
        String label = english ? r.getNameEn() : r.getName();
        reasonLabels.put(r.getCode(), label);
        if (!r.isSystemCode()) {
          reasons.add(new AgentDeskBacking.Reason(r.getCode(), label));
        }
      });
      reason = reasons.isEmpty() ? null : reasons.get(0).code();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  public void refresh() {
    rows.clear();
    try {
      boolean english = Messages.english();
      for (QueueView q : queues.list()) {
        rows.add(new QueueRow(q.code(), english ? q.nameEn() : q.name(), queues.stats(q.code())));
      }
      waiting = supervision.waiting();
      seats = desk.seats().stream() // agent2 before agent10
          .sorted(Comparator.comparingInt((SeatView v) -> v.login().length()).thenComparing(SeatView::login)).toList();
      chart = Charts.bar(rows.stream().map(QueueRow::name).toList(),
          rows.stream().map(r -> r.getServiceLevelPercent() == null ? 0L : r.getServiceLevelPercent()).toList(),
          Messages.text("acd.wallboard.sl"),
          rows.stream().map(r -> r.getServiceLevelPercent() == null ? NONE : r.isBelowTarget() ? BELOW : GOOD).toList(), false);
    } catch (RuntimeException e) {
      chart = null;
      Messages.handle(e);
    }
  }

  /** Opens the steer dialog on a waiting contact, with its queue and priority as they are. */
  public void prepareSteer(AcdSupervision.WaitingView w) {
    steering = w.externalId();
    steerQueue = steerFromQueue = w.queue();
    steerPriority = steerFromPriority = w.priority();
    steerReason = null;
  }

  /** Applies what changed in the dialog: the queue, the priority, or both (each audited). */
  public void steer() {
    try {
      if (steerQueue != null && !steerQueue.equals(steerFromQueue)) {
        supervision.move(steering, steerQueue, steerReason);
      }
      if (steerPriority != null && steerPriority != steerFromPriority) {
        supervision.prioritize(steering, steerPriority, steerReason);
      }
      Messages.info("acd.wallboard.steered", steering);
      refresh();
    } catch (RuntimeException e) {
      Messages.handle(e);
      PrimeFaces.current().ajax().addCallbackParam("failed", true);
    }
  }

  /** How long the contact has waited, "m:ss". */
  public String waitedOf(AcdSupervision.WaitingView w) {
    return clockOf(Math.max(0, java.time.Duration.between(w.arrivedAt(), java.time.Instant.now()).getSeconds()));
  }

  public List<AcdSupervision.WaitingView> getWaiting() {
    return waiting;
  }

  public String getSteering() {
    return steering;
  }

  public String getSteerQueue() {
    return steerQueue;
  }

  public void setSteerQueue(String v) {
    steerQueue = v;
  }

  public Integer getSteerPriority() {
    return steerPriority;
  }

  public void setSteerPriority(Integer v) {
    steerPriority = v;
  }

  public String getSteerReason() {
    return steerReason;
  }

  public void setSteerReason(String v) {
    steerReason = v;
  }

  public void forceReady(String login) {
    force(login, "READY", null);
  }

  public void forceNotReady(String login) {
    force(login, "NOT_READY", reason);
  }

  private void force(String login, String state, String why) {
    try {
      desk.changeState(login, new AgentStateRequest(state, why, null));
      Messages.info("acd.wallboard.forced", login, Messages.text("acd.state." + state));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  /** Seconds the seat has been in its state. */
  public String timeInState(SeatView s) {
    return s.stateSince() == null ? "" : AgentDeskBacking.clock(AgentDeskBacking.seconds(s.stateSince(), Instant.now()));
  }

  public String clockOf(long seconds) {
    return AgentDeskBacking.clock(seconds);
  }

  public String reasonLabel(String code) {
    return code == null ? "" : reasonLabels.getOrDefault(code, code);
  }

  public List<QueueRow> getRows() {
    return rows;
  }

  public List<SeatView> getSeats() {
    return seats;
  }

  public String getChart() {
    return chart;
  }

  public List<AgentDeskBacking.Reason> getReasons() {
    return reasons;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
