package org.centralis.reporting.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import org.centralis.acd.domain.ErlangC;
import org.centralis.acd.domain.ServiceLevelFormula;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The contact-center daily report's rows, streamed from {@link ContactCenterDailySource}'s query (ordered by queue and
 * interval): each interval row (kind {@code I}) with the figures derived here — service level with the one
 * {@link ServiceLevelFormula}, ASA, AHT, abandon rate, agents staffed and the {@link ErlangC} requirement — then, when
 * the queue changes, the queue's subtotal (kind {@code Q}), and at the end the total over all queues (kind {@code T}).
 * Only the running sums of the current queue and the total are kept, so memory does not grow with the period.
 */
final class ContactCenterRows implements JRDataSource {

  static final double INTERVAL_MILLIS = 30 * 60 * 1000d;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final ResultSet rows;
  private final boolean severalDays;
  private final Deque<Map<String, Object>> ready = new ArrayDeque<>();
  private Map<String, Object> current;
  private Sums queue;
  private final Sums total = new Sums(null, null, 0, 0);
  private boolean finished;

  ContactCenterRows(ResultSet rows, boolean severalDays) {
    this.rows = rows;
    this.severalDays = severalDays;
  }

  @Override
  public boolean next() throws JRException {
    try {
      while (ready.isEmpty() && !finished) {
        if (rows.next()) {
          read();
        } else {
          finished = true;
          if (queue != null) {
            ready.add(queue.row("Q", null, null, null));
            ready.add(total.row("T", null, null, null));
          }
        }
      }
    } catch (SQLException e) {
      throw new JRException("reading the contact-center figures failed", e);
    }
    current = ready.poll();
    return current != null;
  }

  @Override
  public Object getFieldValue(JRField field) {
    return current.get(field.getName());
  }

  private void read() throws SQLException {
    String code = rows.getString("queueCode");
    if (queue != null && !queue.code.equals(code)) {
      ready.add(queue.row("Q", null, null, null));
      queue = null;
    }
    if (queue == null) {
      queue = new Sums(code, rows.getString("queueName"), rows.getInt("targetPercent"), rows.getInt("thresholdSeconds"));
    }
    Sums interval = new Sums(code, queue.name, queue.targetPercent, queue.thresholdSeconds);
    interval.offered = rows.getLong("offered");
    interval.answered = rows.getLong("answered");
    interval.answeredWithin = rows.getLong("answeredWithin");
    interval.abandoned = rows.getLong("abandoned");
    interval.abandonedWithin = rows.getLong("abandonedWithin");
    interval.answerWait = rows.getLong("answerWait");
    interval.maxWait = rows.getLong("maxWait");
    interval.handle = rows.getLong("handle");
    // The queue's own formula (the wallboard's too); subtotals and the total add the numerators and denominators.
    ServiceLevelFormula formula = ServiceLevelFormula.valueOf(rows.getString("slFormula"));
    interval.slMet = formula.numerator(interval.answeredWithin, interval.abandonedWithin);
    interval.slCounted = formula.denominator(interval.abandonedWithin, interval.answered + interval.abandoned);
    queue.add(interval);
    total.add(interval);
    OffsetDateTime start = rows.getObject("intervalStart", OffsetDateTime.class);
    var local = start.atZoneSameInstant(BranchComparisonSource.ZONE);
    String slot = severalDays ? DAY_TIME.format(local) : TIME.format(local) + "–" + TIME.format(local.plusMinutes(30));
    double staffed = rows.getLong("staffedMillis") / INTERVAL_MILLIS;
    Map<String, Object> row = interval.row("I", slot, staffed, interval.requiredAgents());
    row.put("slotStart", (severalDays ? DAY_TIME : TIME).format(local));
    ready.add(row);
  }

  /** Counts and second sums of an interval, a queue or the total; the derived figures as docs/metrics.md defines them. */
  static final class Sums {
    final String code;
    final String name;
    final int targetPercent;
    final int thresholdSeconds;
    long offered;
    long answered;
    long answeredWithin;
    long abandoned;
    long abandonedWithin;
    long answerWait;
    long maxWait;
    long handle;
    long slMet;
    long slCounted;

    Sums(String code, String name, int targetPercent, int thresholdSeconds) {
      this.code = code;
      this.name = name;
      this.targetPercent = targetPercent;
      this.thresholdSeconds = thresholdSeconds;
    }

    void add(Sums s) {
      offered += s.offered;
      answered += s.answered;
      answeredWithin += s.answeredWithin;
      abandoned += s.abandoned;
      abandonedWithin += s.abandonedWithin;
      answerWait += s.answerWait;
      maxWait = Math.max(maxWait, s.maxWait);
      handle += s.handle;
      slMet += s.slMet;
      slCounted += s.slCounted;
    }

    /** Service level 0–1, or null when nothing counts (no figure, never 100%). */
    Double serviceLevel() {
      return slCounted == 0 ? null : (double) slMet / slCounted;
    }

    Double asa() {
      return answered == 0 ? null : (double) answerWait / answered;
    }

    Double aht() {
      return answered == 0 ? null : (double) handle / answered;
    }

    /**
     * Erlang C: the fewest agents that answer the interval's offered volume (× 2 per hour) at its AHT within the queue's
     * threshold at its target; 0 without contacts, null when nothing was answered (no AHT) or the model refuses the input.
     */
    Integer requiredAgents() {
      if (offered == 0) {
        return 0;
      }
      Double aht = aht();
      if (aht == null || aht <= 0) {
        return null;
      }
      try {
        return ErlangC.of(offered * 2.0, aht).requiredAgents(thresholdSeconds, targetPercent / 100.0, 1.0, 0).agents();
      } catch (InvalidInputException e) {
        return null;
      }
    }

    Map<String, Object> row(String kind, String slot, Double staffed, Integer required) {
      Map<String, Object> row = new HashMap<>();
      row.put("kind", kind);
      row.put("queueCode", code);
      row.put("queueName", name);
      row.put("targetPercent", code == null ? null : targetPercent);
      row.put("thresholdSeconds", code == null ? null : thresholdSeconds);
      row.put("slot", slot);
      row.put("offered", offered);
      row.put("answered", answered);
      row.put("abandoned", abandoned);
      row.put("abandonRate", offered == 0 ? null : (double) abandoned / offered);
      Double sl = serviceLevel();
      row.put("serviceLevel", sl);
      row.put("belowTarget", sl != null && code != null && sl * 100 < targetPercent);
      row.put("asa", asa());
      row.put("aht", aht());
      row.put("maxWait", maxWait);
      row.put("staffed", staffed);
      row.put("required", required);
      return row;
    }
  }
}
