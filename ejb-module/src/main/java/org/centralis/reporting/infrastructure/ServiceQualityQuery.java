package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.centralis.acd.domain.ServiceLevelFormula;
import org.centralis.reporting.domain.ComparisonPeriods;
import org.centralis.reporting.domain.ComparisonPeriods.Period;

/**
 * The figures of the monthly service-quality report and of the HQ dashboard — one query, so the two never differ. One
 * row per figure (section, metric key, optional item such as a branch or a complaint type, unit) with the sums for the
 * current period, the previous period and the same period last year; every ratio is Σ numerator / Σ denominator over
 * the aggregate rows of the period (never an average of averages), computed once here, and the change against each
 * comparison period: percentage points for rates, a relative change for counts, seconds and scores (docs/metrics.md).
 *
 * <p>Sources: ACD_INTERVAL_STAT (contacts, service level, ASA, abandon rate, AHT), TICKET_DAILY_STAT (tickets logged,
 * closed, first-contact resolution), SLA_DAILY_STAT (SLA compliance), COMPLAINT and RETURN_VISIT (low-volume raw rows,
 * restricted to data-as-of). Queues are headquarters resources without a branch: the contact-center figures are read
 * only for a scope at headquarters level ({@link #acdInScope}); a branch subtree gets them as "n/a".
 */
public final class ServiceQualityQuery {

  /** The service level the wallboard shows (AcdQueues) — the reports use the same formula. */
  /** The formula of the queue sq of an ACD_INTERVAL_STAT row s (V20): abandons count as each queue says. */
  private static final String QUEUE_FORMULA = "sq.SL_FORMULA";

  /** Parameter prefixes: current, previous, last year, and b = the bounds of all three (one index range). */
  private static final String[] PERIODS = {"c", "p", "l"};
  private static final Pattern NAMED = Pattern.compile(":([a-zA-Z]+)");

  private ServiceQualityQuery() {}

  /** Whether the scope is the whole organization (its root, headquarters), where the HQ queues' figures belong. */
  public static boolean acdInScope(Connection connection, String scopePath) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM BRANCH WHERE PATH = ? AND PARENT_ID IS NULL")) {
      s.setString(1, scopePath);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  /**
   * The figure rows, ordered by section and row. Columns: section, metric, item, unit, chart (1 = drawn in the
   * section's chart), curNum/curDen/prevNum/prevDen/lastNum/lastDen (the sums), curValue/prevValue/lastValue, prevChange,
   * lastChange.
   */
  public static PreparedStatement prepare(Connection connection, ComparisonPeriods periods, String scopePath, Instant dataAsOf, Locale locale)
      throws SQLException {
    String name = Locale.ENGLISH.equals(locale) ? "NAME_EN" : "NAME";
    List<String> order = new ArrayList<>();
    Matcher m = NAMED.matcher(sql(name));
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      order.add(m.group(1));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    PreparedStatement statement = connection.prepareStatement(sql.toString());
    boolean acd = acdInScope(connection, scopePath);
    Period[] ps = {periods.current(), periods.previous(), periods.lastYear()};
    Period bounds = new Period(
        Stream.of(ps).map(Period::from).min(Comparator.naturalOrder()).orElseThrow(),
        Stream.of(ps).map(Period::to).max(Comparator.naturalOrder()).orElseThrow());
    for (int i = 0; i < order.size(); i++) {
      String key = order.get(i);
      Object value;
      switch (key) {
        case "scope" -> value = scopePath + "%";
        case "asOf" -> value = dataAsOf.atOffset(ZoneOffset.UTC);
        case "acd" -> value = acd ? 1 : 0;
        default -> {
          Period p = key.startsWith("b") ? bounds : ps[List.of(PERIODS).indexOf(key.substring(0, 1))];
          value = switch (key.substring(1)) {
            case "f" -> p.from();
            case "t" -> p.to();
            case "s" -> p.from().atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime();
            case "e" -> p.to().plusDays(1).atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime();
            default -> throw new IllegalStateException("unknown parameter :" + key);
          };
        }
      }
      statement.setObject(i + 1, value);
    }
    return statement;
  }

  // ---- the SQL ----

  static String sql(String name) {
    List<String> parts = new ArrayList<>();
    // (a) volumes
    parts.add(acd(1, 10, "'volume.contacts.' || s.CHANNEL", "COUNT", 1, "s.OFFERED", null) + " GROUP BY s.CHANNEL");
    parts.add(acd(1, 11, "'volume.contacts.total'", "COUNT", 0, "s.OFFERED", null));
    parts.add(day("TICKET_DAILY_STAT", 1, 20, "'volume.tickets.' || s.TICKET_TYPE", null, "COUNT", 1, "s.LOGGED", null) + " GROUP BY s.TICKET_TYPE");
    parts.add(day("TICKET_DAILY_STAT", 1, 21, "'volume.tickets.total'", null, "COUNT", 0, "s.LOGGED", null));
    // branches as the branch-comparison report groups them: the city branch a row belongs to, else its own owner
    parts.add(select(1, 30, "'volume.branch'", "COALESCE(cb." + name + ", o." + name + ")", "COUNT", 0, "s.LOGGED", null, "s.STAT_DAY", false)
        + " FROM TICKET_DAILY_STAT s JOIN BRANCH o ON o.ID = s.BRANCH_ID"
        + " LEFT JOIN BRANCH cb ON cb.KIND = 'BRANCH' AND s.BRANCH_PATH LIKE cb.PATH || '%'"
        + " WHERE s.BRANCH_PATH LIKE :scope AND " + any("s.STAT_DAY", false)
        + " GROUP BY COALESCE(cb.ID, o.ID), COALESCE(cb." + name + ", o." + name + ")");
    // (b) contact center
    parts.add(acd(2, 10, "'acd.offered'", "COUNT", 0, "s.OFFERED", null));
    parts.add(acd(2, 11, "'acd.answered'", "COUNT", 0, "s.ANSWERED", null));
    parts.add(acd(2, 20, "'acd.serviceLevel'", "PERCENT", 1, slNumerator(), slDenominator()));
    parts.add(acd(2, 30, "'acd.asa'", "SECONDS", 0, "s.ANSWER_WAIT_SECONDS", "s.ANSWERED"));
    parts.add(acd(2, 40, "'acd.abandonRate'", "PERCENT", 1, "s.ABANDONED", "s.OFFERED"));
    parts.add(acd(2, 50, "'acd.aht'", "SECONDS", 0, "s.TALK_SECONDS + s.WRAP_SECONDS", "s.ANSWERED"));
    // (c) first-contact resolution
    parts.add(day("TICKET_DAILY_STAT", 3, 10, "'fcr.closed'", null, "COUNT", 0, "s.CLOSED", null));
    parts.add(day("TICKET_DAILY_STAT", 3, 20, "'fcr.rate'", null, "PERCENT", 1, "s.CLOSED_FIRST_CONTACT", "s.CLOSED"));
    parts.add(day("TICKET_DAILY_STAT", 3, 30, "'fcr.reopened'", null, "COUNT", 0, "s.REOPENED", null));
    // (d) SLA compliance in business time
    parts.add(day("SLA_DAILY_STAT", 4, 10, "'sla.' || s.METRIC", null, "PERCENT", 1, "s.MET", "s.MET + s.BREACHED") + " GROUP BY s.METRIC");
    parts.add(day("SLA_DAILY_STAT", 4, 20, "'sla.breached'", null, "COUNT", 0, "s.BREACHED", null));
    // (e) complaints, with the complaint-analysis report's definitions
    String complaints = " FROM COMPLAINT c JOIN COMPLAINT_TAXONOMY x ON x.ID = c.TAXONOMY_ID LEFT JOIN COMPLAINT_TAXONOMY px ON px.ID = x.PARENT_ID"
        + " LEFT JOIN COMPLAINT_TAXONOMY r ON r.ID = c.ROOT_CAUSE_ID"
        + " WHERE c.OWNING_BRANCH_PATH LIKE :scope AND c.CREATED_AT <= :asOf AND " + any("c.CREATED_AT", true);
    parts.add(select(5, 10, "'complaints.total'", null, "COUNT", 0, "1", null, "c.CREATED_AT", true) + complaints);
    parts.add(select(5, 20, "'complaints.repeatShare'", null, "PERCENT", 0, "c.REPEAT_COMPLAINT", "1", "c.CREATED_AT", true) + complaints);
    parts.add(select(5, 30, "'complaints.regulatorOnTime'", null, "PERCENT", 0,
        "CASE WHEN " + ComplaintAnalysisSource.resolvedOnTime(":asOf") + " THEN 1 ELSE 0 END",
        "CASE WHEN " + ComplaintAnalysisSource.resolved(":asOf") + " THEN 1 ELSE 0 END", "c.CREATED_AT", true) + complaints);
    parts.add(select(5, 40, "'complaints.taxonomy'", "COALESCE(px." + name + ", x." + name + ")", "COUNT", 1, "1", null, "c.CREATED_AT", true)
        + complaints + " GROUP BY COALESCE(px.ID, x.ID), COALESCE(px." + name + ", x." + name + ")");
    parts.add(select(5, 50, "CASE WHEN r.ID IS NULL THEN 'complaints.rootCause.none' ELSE 'complaints.rootCause' END", "r." + name, "COUNT", 0,
        "1", null, "c.CREATED_AT", true) + complaints + " GROUP BY r.ID, r." + name);
    // (f) CSAT of completed return visits, by the instant they were completed
    String visits = " FROM RETURN_VISIT v WHERE v.OWNING_BRANCH_PATH LIKE :scope AND v.STATUS = 'COMPLETED' AND v.CSAT IS NOT NULL"
        + " AND v.COMPLETED_AT <= :asOf AND " + any("v.COMPLETED_AT", true);
    parts.add(select(6, 10, "'csat.visits'", null, "COUNT", 0, "1", null, "v.COMPLETED_AT", true) + visits);
    parts.add(select(6, 20, "'csat.mean'", null, "SCORE", 0, "v.CSAT", "1", "v.COMPLETED_AT", true) + visits);
    parts.add(select(6, 30, "'csat.satisfied'", null, "PERCENT", 1, "CASE WHEN v.CSAT >= 4 THEN 1 ELSE 0 END", "1", "v.COMPLETED_AT", true) + visits);

    String values = "SELECT u.*, "
        + value("cur") + " AS \"curValue\", " + value("prev") + " AS \"prevValue\", " + value("last") + " AS \"lastValue\""
        + " FROM (" + String.join(" UNION ALL ", parts) + ") u";
    return "SELECT w.*, " + change("prev") + " AS \"prevChange\", " + change("last") + " AS \"lastChange\""
        + " FROM (" + values + ") w ORDER BY w.\"section\", w.\"rowNo\", w.\"curNum\" DESC, w.\"item\"";
  }

  /** Each interval row's numerator by its queue's formula (ServiceLevelFormula), summed over queues and intervals. */
  private static String slNumerator() {
    return ServiceLevelFormula.sqlNumerator(QUEUE_FORMULA, "s.ANSWERED_WITHIN", "s.ABANDONED_WITHIN");
  }

  private static String slDenominator() {
    return ServiceLevelFormula.sqlDenominator(QUEUE_FORMULA, "s.ABANDONED_WITHIN", "s.ANSWERED + s.ABANDONED");
  }

  private static String acd(int section, int row, String metric, String unit, int chart, String num, String den) {
    return select(section, row, metric, null, unit, chart, num, den, "s.INTERVAL_START", true, false)
        + " FROM ACD_INTERVAL_STAT s JOIN ACD_QUEUE sq ON sq.ID = s.QUEUE_ID WHERE :acd = 1 AND " + any("s.INTERVAL_START", true);
  }

  private static String day(String table, int section, int row, String metric, String item, String unit, int chart, String num, String den) {
    return select(section, row, metric, item, unit, chart, num, den, "s.STAT_DAY", false)
        + " FROM " + table + " s WHERE s.BRANCH_PATH LIKE :scope AND " + any("s.STAT_DAY", false);
  }

  private static String select(int section, int row, String metric, String item, String unit, int chart, String num, String den, String col,
      boolean instant) {
    return select(section, row, metric, item, unit, chart, num, den, col, instant, true);
  }

  /** {@code zeroWhenEmpty}: no rows is a count of 0; otherwise (the contact center outside its scope) no figure, "n/a". */
  private static String select(int section, int row, String metric, String item, String unit, int chart, String num, String den, String col,
      boolean instant, boolean zeroWhenEmpty) {
    StringBuilder s = new StringBuilder("SELECT ")
        .append(section).append(" AS \"section\", ").append(row).append(" AS \"rowNo\", ")
        .append(metric).append(" AS \"metric\", ")
        .append(item == null ? "CAST(NULL AS VARCHAR2(100 CHAR))" : item).append(" AS \"item\", '")
        .append(unit).append("' AS \"unit\", ").append(chart).append(" AS \"chart\"");
    String[] names = {"cur", "prev", "last"};
    for (int i = 0; i < 3; i++) {
      String in = in(col, PERIODS[i], instant);
      String sum = "SUM(CASE WHEN " + in + " THEN " + num + " ELSE 0 END)";
      s.append(", ").append(zeroWhenEmpty ? "COALESCE(" + sum + ", 0)" : sum).append(" AS \"").append(names[i]).append("Num\"");
      s.append(", ").append(den == null ? "CAST(NULL AS NUMBER)" : "SUM(CASE WHEN " + in + " THEN " + den + " ELSE 0 END)")
          .append(" AS \"").append(names[i]).append("Den\"");
    }
    return s.toString();
  }

  private static String in(String col, String period, boolean instant) {
    return instant
        ? col + " >= :" + period + "s AND " + col + " < :" + period + "e"
        : col + " BETWEEN :" + period + "f AND :" + period + "t";
  }

  /** In one of the three periods; the bounding range first, so that the date index is read as one range scan. */
  private static String any(String col, boolean instant) {
    return in(col, "b", instant) + " AND (" + in(col, "c", instant) + " OR " + in(col, "p", instant) + " OR " + in(col, "l", instant) + ")";
  }

  /** A count is its sum; a rate, a mean or an average time is Σ numerator / Σ denominator; nothing to divide by → null. */
  private static String value(String p) {
    String num = "u.\"" + p + "Num\"";
    String den = "u.\"" + p + "Den\"";
    return "CASE WHEN u.\"unit\" = 'COUNT' THEN CAST(" + num + " AS DOUBLE PRECISION)"
        + " WHEN " + den + " IS NULL OR " + den + " = 0 THEN CAST(NULL AS DOUBLE PRECISION)"
        + " ELSE CAST(" + num + " AS DOUBLE PRECISION) / " + den + " END";
  }

  /** Rates: the difference (a fraction; shown as percentage points). Other figures: the relative change. */
  private static String change(String p) {
    String cur = "w.\"curValue\"";
    String other = "w.\"" + p + "Value\"";
    return "CASE WHEN " + cur + " IS NULL OR " + other + " IS NULL THEN CAST(NULL AS DOUBLE PRECISION)"
        + " WHEN w.\"unit\" = 'PERCENT' THEN " + cur + " - " + other
        + " WHEN " + other + " = 0 THEN CAST(NULL AS DOUBLE PRECISION)"
        + " ELSE (" + cur + " - " + other + ") / " + other + " END";
  }
}
