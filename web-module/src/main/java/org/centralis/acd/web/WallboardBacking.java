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
import org.centralis.acd.application.AgentDesk;
import org.centralis.acd.application.AgentStateRequest;
import org.centralis.acd.application.QueueStats;
import org.centralis.acd.application.QueueView;
import org.centralis.acd.application.SeatView;
import org.centralis.shared.web.Charts;
import org.centralis.shared.web.Messages;

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

  private final List<QueueRow> rows = new ArrayList<>();
  private List<SeatView> seats = List.of();
  private final Map<String, String> reasonLabels = new HashMap<>();
  private final List<AgentDeskBacking.Reason> reasons = new ArrayList<>();
  private String reason;
  private String chart;

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
