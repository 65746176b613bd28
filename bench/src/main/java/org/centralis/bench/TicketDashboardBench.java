package org.centralis.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.centralis.bench.TicketListBench.Generator;
import org.centralis.bench.TicketListBench.ListSql;
import org.centralis.bench.TicketListBench.Request;

/**
 * The home pages' figures at scale, on {@code ticket-list}'s database (run its load phase first): the HQ manager's
 * KPIs (open tickets, open complaints, logged today, open tickets per city branch) and a supervisor's overview
 * (tickets by status), each as the page computed them before — one {@code TicketQueries.list(filter, 0, 1)} per figure,
 * i.e. a page query and a COUNT each, three per "open" figure (all − closed − cancelled) — and as it does now: one
 * grouped read ({@code TicketQueries.countOpen}, {@code countByStatus}) plus the day's count.
 *
 * <pre>
 *   java -Xmx2g -cp $CP org.centralis.bench.Bench ticket-dashboard --dir /tmp/ticket-list-bench [--seconds 20]
 *       [--warmup-seconds 3] [--scenarios hq-kpis,hq-kpis-before,...]
 * </pre>
 *
 * Before timing, both ways are run once per scenario and must give the same figures. The grouped SQL is written as
 * EclipseLink prints the JPQL of {@code TicketQueries} (the scope's WHERE is {@link Request#where}'s).
 */
final class TicketDashboardBench {

  static final List<String> STATUSES = List.of(
      "NEW", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED", "REJECTED", "RETURNED", "REOPENED", "CANCELLED");
  static final List<String> OPEN = STATUSES.stream().filter(s -> !s.equals("CLOSED") && !s.equals("CANCELLED")).toList();

  private TicketDashboardBench() {}

  /** A caller: staff row, scope, team (or null). */
  record Caller(long staffId, String scope, Long team) {
    Request request(String status, String type) {
      return new Request(staffId, scope, team, status, type, null, 0, 1);
    }

    int parts() {
      return team == null ? 1 : 2;
    }
  }

  static final Caller HQ_MANAGER = new Caller(TicketListBench.HQ_MANAGER, "/1/", null);
  static final Caller HQ_SUPERVISOR = new Caller(TicketListBench.HQ_SUPERVISOR, "/1/", TicketListBench.HQ_TEAMS[0]);

  static Caller cityOps(int city) {
    return new Caller(Generator.cityOpsStaff(city), Generator.cityPath(city), Generator.cityTeam(city));
  }

  static Map<String, Object> run(Bench.Args args) throws Exception {
    Path dir = Path.of(args.str("dir", "/tmp/ticket-list-bench"));
    int seconds = args.integer("seconds", 20, 1, 600);
    int warmup = args.integer("warmup-seconds", 3, 0, 300);
    ReportBench.LoadSampler load = ReportBench.LoadSampler.start();
    Map<String, Object> out = SqlBench.header("ticket-dashboard");
    String url = SqlBench.measureUrl(dir, 0);
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
      out.put("rows", SqlBench.count(keeper, "SELECT COUNT(*) FROM TICKET"));
      Timestamp today;
      try (ResultSet r = keeper.createStatement().executeQuery("SELECT CAST(DATEADD(DAY, -1, CAST(MAX(CREATED_AT) AS DATE)) AS TIMESTAMP) FROM TICKET")) {
        r.next();
        today = r.getTimestamp(1); // the data's last whole day stands for "today"
      }
      List<SqlBench.Scenario> all = List.of(
          new SqlBench.Scenario("hq-kpis-before", "HQ manager's home before: 3 × (page + COUNT) per open figure, for the bank, its complaints and each of 20 city branches; the day's count",
              (c, r) -> hqKpisBefore(c, today).size()),
          new SqlBench.Scenario("hq-kpis", "HQ manager's home now: open tickets grouped by branch path and type in one read; the day's count",
              (c, r) -> hqKpis(c, today).size()),
          new SqlBench.Scenario("hq-supervisor-overview-before", "HQ supervisor in a team (whole bank + team), by status before: (page + COUNT) × 2 parts per status",
              (c, r) -> byStatusBefore(c, HQ_SUPERVISOR).size()),
          new SqlBench.Scenario("hq-supervisor-overview", "HQ supervisor in a team, by status now: one grouped read per part",
              (c, r) -> byStatus(c, HQ_SUPERVISOR).size()),
          new SqlBench.Scenario("city-supervisor-overview-before", "city operations staff in the city's team (one of 20 at random), by status before",
              (c, r) -> byStatusBefore(c, cityOps(r.nextInt(TicketListBench.CITIES))).size()),
          new SqlBench.Scenario("city-supervisor-overview", "city operations staff in the city's team, by status now",
              (c, r) -> byStatus(c, cityOps(r.nextInt(TicketListBench.CITIES))).size()));
      List<String> names = List.of(args.str("scenarios", "all").split(","));
      List<SqlBench.Scenario> chosen = all.stream().filter(s -> names.contains("all") || names.contains(s.name())).toList();
      out.put("checks", check(keeper, today));
      SqlBench.timeEach(out, url, chosen, 1, warmup, seconds, 100_000, 42, load);
    }
    return SqlBench.finish(out, load);
  }

  /** The same figures both ways, or the run stops. */
  private static Map<String, Object> check(Connection c, Timestamp today) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Long> kpis = hqKpis(c, today);
    if (!kpis.equals(hqKpisBefore(c, today))) {
      throw new IllegalStateException("HQ KPIs differ: now " + kpis + ", before " + hqKpisBefore(c, today));
    }
    out.put("hqKpis", kpis);
    for (Caller caller : List.of(HQ_SUPERVISOR, cityOps(0))) {
      Map<String, Long> now = byStatus(c, caller);
      if (!now.equals(byStatusBefore(c, caller))) {
        throw new IllegalStateException("by status differs for " + caller + ": now " + now + ", before " + byStatusBefore(c, caller));
      }
      out.put("byStatus " + caller.scope() + " team " + caller.team(), now);
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------------ before --

  private static long total(Connection c, Request q) throws SQLException {
    return TicketListBench.list(c, q, ListSql.CURRENT, new ArrayList<>())[1];
  }

  /** {@code TicketKpiBacking.open} before: all − CLOSED − CANCELLED, each a list call of one row. */
  private static long openBefore(Connection c, Caller caller, String type) throws SQLException {
    return total(c, caller.request(null, type)) - total(c, caller.request("CLOSED", type)) - total(c, caller.request("CANCELLED", type));
  }

  static Map<String, Long> hqKpisBefore(Connection c, Timestamp today) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("open", openBefore(c, HQ_MANAGER, null));
    m.put("complaintsOpen", openBefore(c, HQ_MANAGER, "COMPLAINT"));
    m.put("today", today(c, today));
    for (int city = 0; city < TicketListBench.CITIES; city++) { // a branch filter: that subtree, no team part
      m.put(Generator.cityPath(city), openBefore(c, new Caller(TicketListBench.HQ_MANAGER, Generator.cityPath(city), null), null));
    }
    return m;
  }

  static Map<String, Long> byStatusBefore(Connection c, Caller caller) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String s : STATUSES) {
      m.put(s, total(c, caller.request(s, null)));
    }
    return m;
  }

  // --------------------------------------------------------------------------------------------------------- now --

  /** {@code TicketQueries.countOpen} for the HQ manager, summed as {@code TicketKpiBacking} sums it. */
  static Map<String, Long> hqKpis(Connection c, Timestamp today) throws SQLException {
    Request q = HQ_MANAGER.request(null, null);
    String w = q.where(ListSql.CURRENT, 0).substring(" WHERE ".length());
    String sql = "SELECT OWNING_BRANCH_PATH, TICKET_TYPE, COUNT(ID) FROM TICKET WHERE (" + w + " AND (STATUS IN (" + "?,".repeat(OPEN.size() - 1)
        + "?))) GROUP BY OWNING_BRANCH_PATH, TICKET_TYPE";
    long open = 0;
    long complaints = 0;
    Map<String, Long> byPath = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = q.bind(ps, ListSql.CURRENT, 0);
      for (String s : OPEN) {
        ps.setString(i++, s);
      }
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          long n = r.getLong(3);
          open += n;
          complaints += "COMPLAINT".equals(r.getString(2)) ? n : 0;
          byPath.merge(r.getString(1), n, Long::sum);
        }
      }
    }
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("open", open);
    m.put("complaintsOpen", complaints);
    m.put("today", today(c, today));
    for (int city = 0; city < TicketListBench.CITIES; city++) {
      String path = Generator.cityPath(city);
      m.put(path, byPath.entrySet().stream().filter(e -> e.getKey().startsWith(path)).mapToLong(Map.Entry::getValue).sum());
    }
    return m;
  }

  /** {@code TicketQueries.countByStatus}: one grouped read per part. */
  static Map<String, Long> byStatus(Connection c, Caller caller) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    STATUSES.forEach(s -> m.put(s, 0L));
    Request q = caller.request(null, null);
    for (int part = 0; part < caller.parts(); part++) {
      try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, COUNT(ID) FROM TICKET" + q.where(ListSql.CURRENT, part) + " GROUP BY STATUS")) {
        q.bind(ps, ListSql.CURRENT, part);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            m.merge(r.getString(1), r.getLong(2), Long::sum);
          }
        }
      }
    }
    return m;
  }

  /** The day's count ({@code TicketQueries.count} with a created-from filter), the same before and now. */
  private static long today(Connection c, Timestamp today) throws SQLException {
    Request q = HQ_MANAGER.request(null, null);
    String w = q.where(ListSql.CURRENT, 0).substring(" WHERE ".length());
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(ID) FROM TICKET WHERE ((" + w + " AND (CREATED_AT >= ?)) AND (CREATED_AT < ?))")) {
      int i = q.bind(ps, ListSql.CURRENT, 0);
      ps.setTimestamp(i++, today);
      ps.setTimestamp(i, Timestamp.from(today.toInstant().plus(java.time.Duration.ofDays(1))));
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
