package org.centralis.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.centralis.ticket.domain.TicketStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo data set on the embedded default's database (H2 file, Oracle mode) after the migrations. */
class DemoDataSetTest {

  static final Instant NOW = Instant.parse("2025-11-20T06:30:00Z");
  static final long SEED = 20240601L;
  static final UnaryOperator<String> HASHER = p -> "PLAIN:" + p;

  @TempDir static Path dir;

  static String url;
  static DemoDataSet.Summary summary;

  @BeforeAll
  static void load() throws Exception {
    url = migratedDatabase("a");
    summary = writeTimed(url);
  }

  static String migratedDatabase(String name) {
    String u = "jdbc:h2:file:" + dir.resolve(name) + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure().dataSource(u, "sa", "").locations("classpath:db/migration").load().migrate();
    return u;
  }

  static DemoDataSet.Summary writeTimed(String u) throws SQLException {
    try (Connection c = DriverManager.getConnection(u, "sa", "")) {
      c.setAutoCommit(false); // one transaction, as in the server
      long t0 = System.nanoTime();
      DemoDataSet.Summary s = DemoDataSet.write(c, HASHER, NOW, SEED);
      c.commit();
      System.out.printf("DemoDataSet.write: %s in %d ms%n", s, (System.nanoTime() - t0) / 1_000_000);
      return s;
    }
  }

  static Connection open() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void summaryMatchesTheTables() throws Exception {
    try (Connection c = open()) {
      assertEquals(summary.branches(), count(c, "SELECT COUNT(*) FROM BRANCH"));
      assertEquals(summary.staff(), count(c, "SELECT COUNT(*) FROM STAFF"));
      assertEquals(summary.customers(), count(c, "SELECT COUNT(*) FROM CUSTOMER"));
      assertEquals(summary.tickets(), count(c, "SELECT COUNT(*) FROM TICKET"));
      assertEquals(10_000, summary.customers());
      assertTrue(summary.tickets() >= 2_500 && summary.tickets() <= 3_500, "about 3,000 tickets: " + summary.tickets());
    }
  }

  @Test
  void organizationTreeHasMaterializedPaths() throws Exception {
    try (Connection c = open()) {
      assertEquals(1, count(c, "SELECT COUNT(*) FROM BRANCH WHERE KIND = 'HEADQUARTERS' AND PARENT_ID IS NULL"));
      assertEquals(2, count(c, "SELECT COUNT(*) FROM BRANCH WHERE KIND = 'REGION'"));
      assertEquals(6, count(c, "SELECT COUNT(*) FROM BRANCH WHERE KIND = 'BRANCH'"));
      assertTrue(count(c, "SELECT COUNT(*) FROM BRANCH WHERE KIND = 'OUTLET'") >= 12);
      // every city branch has 2-3 outlets, every region 3 city branches
      assertEquals(0, count(c, "SELECT COUNT(*) FROM BRANCH b WHERE b.KIND = 'BRANCH' AND"
          + " (SELECT COUNT(*) FROM BRANCH o WHERE o.PARENT_ID = b.ID AND o.KIND = 'OUTLET') NOT BETWEEN 2 AND 3"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM BRANCH r WHERE r.KIND = 'REGION' AND"
          + " (SELECT COUNT(*) FROM BRANCH b WHERE b.PARENT_ID = r.ID AND b.KIND = 'BRANCH') <> 3"));
      Map<Long, String> paths = new HashMap<>();
      Map<Long, Long> parents = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT ID, PARENT_ID, PATH, TIME_ZONE FROM BRANCH")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          long parent = rs.getLong(2);
          parents.put(id, rs.wasNull() ? null : parent);
          paths.put(id, rs.getString(3));
          assertEquals("Asia/Shanghai", rs.getString(4));
          assertSequenceId(id);
        }
      }
      for (var e : paths.entrySet()) {
        Long parent = parents.get(e.getKey());
        String expected = (parent == null ? "/" : paths.get(parent)) + e.getKey() + "/";
        assertEquals(expected, e.getValue(), "PATH of branch " + e.getKey());
      }
      assertEquals(1, count(c, "SELECT COUNT(*) FROM BRANCH WHERE CODE = 'HQ' AND NAME = '总行'"));
      assertEquals(1, count(c, "SELECT COUNT(*) FROM BRANCH WHERE CODE = 'OUT-SH-LJZ' AND NAME = '上海陆家嘴支行'"));
    }
  }

  static void assertSequenceId(long id) {
    assertTrue(id >= 1000 && (id - 1000) % 50 == 0, "id drawn from a sequence (START 1000, INCREMENT 50): " + id);
  }

  @Test
  void requiredLoginsExistWithTheirRoles() throws Exception {
    Map<String, String> required = new HashMap<>();
    required.put("staff1", "BRANCH_STAFF");
    required.put("staff2", "BRANCH_STAFF");
    required.put("super1", "SUPERVISOR");
    required.put("hq1", "HQ_MANAGER");
    required.put("audit1", "AUDITOR");
    required.put("admin1", "ADMIN");
    required.put("cti", "CTI");
    for (int i = 1; i <= 30; i++) {
      required.put("agent" + i, "AGENT");
    }
    try (Connection c = open()) {
      Map<String, Set<String>> roles = new HashMap<>();
      Map<String, String> branchKind = new HashMap<>();
      Map<String, String> branchPath = new HashMap<>();
      Map<String, String> team = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT s.LOGIN, r.ROLE_NAME, b.KIND, b.PATH, t.NAME, s.PASSWORD_HASH,"
              + " s.LOCALE FROM STAFF s JOIN BRANCH b ON b.ID = s.BRANCH_ID"
              + " LEFT JOIN STAFF_ROLE r ON r.STAFF_ID = s.ID LEFT JOIN TEAM t ON t.ID = s.TEAM_ID")) {
        while (rs.next()) {
          roles.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
          branchKind.put(rs.getString(1), rs.getString(3));
          branchPath.put(rs.getString(1), rs.getString(4));
          team.put(rs.getString(1), rs.getString(5));
          assertEquals("PLAIN:centralis", rs.getString(6));
          assertEquals("zh_CN", rs.getString(7));
        }
      }
      required.forEach((login, role) -> assertTrue(roles.getOrDefault(login, Set.of()).contains(role),
          login + " has " + role + ": " + roles.get(login)));
      assertFalse(roles.values().stream().anyMatch(r -> r.contains(null)), "every staff member has a role");
      assertEquals("OUTLET", branchKind.get("staff1"));
      assertEquals("OUTLET", branchKind.get("staff2"));
      for (String hq : List.of("super1", "hq1", "audit1", "admin1", "cti", "agent1", "agent30")) {
        assertEquals("HEADQUARTERS", branchKind.get(hq), hq);
      }
      assertTrue(team.get("agent1").startsWith("呼叫中心"));
      assertTrue(team.get("agent30").startsWith("呼叫中心"));
      assertTrue(team.get("super1").startsWith("呼叫中心"));
      assertNotNull(team.get("cards1"));
      assertNotNull(team.get("care1"));
      assertNotNull(team.get("ops-sh1"));
      assertNull(team.get("staff1"));
      long nonAgents = roles.entrySet().stream().filter(e -> !e.getValue().contains("AGENT")).count();
      assertTrue(nonAgents >= 40, "about 40 staff besides the agents: " + nonAgents);
      // branch staff in both regions
      String east = regionPath(c, "R-EAST");
      String north = regionPath(c, "R-NORTH");
      assertTrue(branchPath.get("staff1").startsWith(east));
      assertTrue(branchPath.get("staff2").startsWith(north));
      // every team has at least one member, so every dispatched ticket can be taken
      assertEquals(0, count(c, "SELECT COUNT(*) FROM TEAM t WHERE NOT EXISTS (SELECT 1 FROM STAFF s WHERE s.TEAM_ID = t.ID)"));
    }
  }

  static String regionPath(Connection c, String code) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT PATH FROM BRANCH WHERE CODE = '" + code + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static final Pattern MOBILE = Pattern.compile("1[358]\\d{9}");
  private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

  @Test
  void customersHaveUniquePhonesAndValidIdentifiers() throws Exception {
    try (Connection c = open()) {
      Set<String> phones = new HashSet<>();
      int persons = 0;
      int companies = 0;
      Map<String, Integer> tiers = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT cu.KIND, cu.PHONE, cu.ID_TYPE, cu.ID_NUMBER, cu.CUSTOMER_NO,"
              + " cu.BRANCH_PATH, b.PATH, b.KIND, cu.TIER, cu.NAME FROM CUSTOMER cu JOIN BRANCH b ON b.ID = cu.BRANCH_ID")) {
        while (rs.next()) {
          String phone = rs.getString(2);
          assertTrue(MOBILE.matcher(phone).matches(), phone);
          assertTrue(phones.add(phone), "duplicate phone " + phone);
          assertTrue(rs.getString(5).matches("C\\d{9}"), rs.getString(5));
          assertEquals(rs.getString(7), rs.getString(6), "BRANCH_PATH is the branch's PATH");
          assertEquals("OUTLET", rs.getString(8));
          tiers.merge(rs.getString(9), 1, Integer::sum);
          String id = rs.getString(4);
          if (rs.getString(1).equals("PERSON")) {
            persons++;
            assertEquals("RESIDENT_ID", rs.getString(3));
            assertTrue(RESIDENT_ID.matcher(id).matches(), id);
            assertEquals(residentIdCheck(id.substring(0, 17)), id.charAt(17), "check digit of " + id);
            int age = 2025 - Integer.parseInt(id.substring(6, 10));
            assertTrue(age >= 17 && age <= 86, "plausible birth year " + id);
            String name = rs.getString(10);
            assertTrue(name.length() >= 2 && name.length() <= 4, name);
          } else {
            companies++;
            assertEquals("BUSINESS_LICENSE", rs.getString(3));
            assertTrue(USCC.matcher(id).matches(), id);
            assertEquals(DemoDataSet.unifiedCreditCodeCheck(id.substring(0, 17)), id.charAt(17), id);
            assertTrue(rs.getString(10).endsWith("有限公司"));
          }
        }
      }
      assertEquals(10_000, persons + companies);
      assertTrue(companies > 350 && companies < 650, "about 5% companies: " + companies);
      assertTrue(tiers.get("STANDARD") > 6000, tiers.toString());
      assertTrue(tiers.getOrDefault("PRIVATE", 0) > 0 && tiers.get("PRIVATE") < tiers.get("GOLD"), tiers.toString());

      assertEquals(0, count(c, "SELECT COUNT(*) FROM CUSTOMER cu WHERE (SELECT COUNT(*) FROM CUSTOMER_ACCOUNT a"
          + " WHERE a.CUSTOMER_ID = cu.ID) NOT BETWEEN 1 AND 3"));
      Set<String> accountNos = new HashSet<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT ACCOUNT_NO, PRODUCT, OPENED_ON FROM CUSTOMER_ACCOUNT")) {
        while (rs.next()) {
          String no = rs.getString(1);
          assertTrue(no.matches("\\d{16,19}"), no);
          assertTrue(accountNos.add(no), "duplicate account " + no);
          switch (rs.getString(2)) {
            case "DEBIT_CARD" -> assertTrue(no.startsWith("6222") && luhnValid(no), no);
            case "CREDIT_CARD" -> assertTrue((no.startsWith("6225") || no.startsWith("4392")) && luhnValid(no), no);
            default -> { }
          }
          assertTrue(rs.getDate(3).toLocalDate().isBefore(java.time.LocalDate.of(2025, 11, 20)));
        }
      }
    }
  }

  /** Independent of the generator: ISO 7064 MOD 11-2 as GB 11643 specifies it. */
  static char residentIdCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = (1 << (17 - i)) % 11;
      sum += (first17.charAt(i) - '0') * weight;
    }
    return "10X98765432".charAt(sum % 11);
  }

  static boolean luhnValid(String no) {
    int sum = 0;
    for (int i = 0; i < no.length(); i++) {
      int d = no.charAt(no.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static final Pattern TICKET_NO = Pattern.compile("T\\d{8}-\\d{6}");

  @Test
  void ticketsHaveNumbersTimelinesAndConsistentStatuses() throws Exception {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd");
    try (Connection c = open()) {
      Map<Long, String[]> tickets = new HashMap<>(); // id -> {status, created, team, updated, dispatched, closed}
      Set<String> numbers = new HashSet<>();
      Map<String, Integer> statuses = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT t.ID, t.TICKET_NO, t.STATUS, t.CREATED_AT, t.ASSIGNED_TEAM_ID,"
              + " t.UPDATED_AT, t.DISPATCHED_AT, t.CLOSED_AT, t.TICKET_TYPE, tc.TICKET_TYPE, t.OWNING_BRANCH_PATH,"
              + " b.PATH, t.SUBJECT, t.PRIORITY, t.CHANNEL"
              + " FROM TICKET t JOIN TICKET_CATEGORY tc ON tc.ID = t.CATEGORY_ID JOIN BRANCH b ON b.ID = t.OWNING_BRANCH_ID")) {
        while (rs.next()) {
          String no = rs.getString(2);
          assertTrue(TICKET_NO.matcher(no).matches(), no);
          assertTrue(numbers.add(no), "duplicate " + no);
          OffsetDateTime created = rs.getObject(4, OffsetDateTime.class);
          assertEquals(created.atZoneSameInstant(DemoDataSet.ZONE).format(day), no.substring(1, 9), no);
          assertTrue(created.toInstant().isBefore(NOW) && created.toInstant().isAfter(NOW.minusSeconds(91L * 86400)));
          assertEquals(rs.getString(10), rs.getString(9), "ticket type is the category's");
          assertEquals(rs.getString(12), rs.getString(11), "OWNING_BRANCH_PATH");
          assertFalse(rs.getString(13).isBlank());
          assertNotNull(rs.getObject(7), "dispatched");
          statuses.merge(rs.getString(3), 1, Integer::sum);
          tickets.put(rs.getLong(1), new String[] {rs.getString(3), created.toInstant().toString(), rs.getString(5),
              rs.getObject(6, OffsetDateTime.class).toInstant().toString(),
              rs.getObject(7, OffsetDateTime.class).toInstant().toString(),
              rs.getObject(8) == null ? null : rs.getObject(8, OffsetDateTime.class).toInstant().toString()});
        }
      }
      System.out.println("Ticket statuses: " + statuses);
      assertFalse(statuses.containsKey("NEW"), "no undispatched tickets");
      assertTrue(statuses.get("CLOSED") > tickets.size() / 2);
      for (String s : List.of("DISPATCHED", "ACCEPTED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "REJECTED",
          "CANCELLED")) {
        assertTrue(statuses.getOrDefault(s, 0) > 0, "some " + s);
      }

      Map<Long, List<String[]>> events = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT TICKET_ID, SEQ_NO, KIND, OCCURRED_AT, ACTOR_LOGIN, FROM_STATUS,"
              + " TO_STATUS, TEAM_ID FROM TICKET_EVENT ORDER BY TICKET_ID, SEQ_NO")) {
        while (rs.next()) {
          events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2),
              rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant().toString(), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8)});
        }
      }
      assertEquals(tickets.keySet(), events.keySet(), "every ticket has a timeline");
      for (var e : tickets.entrySet()) {
        String[] t = e.getValue();
        List<String[]> timeline = events.get(e.getKey());
        assertEquals("CREATED", timeline.get(0)[1], "first event is CREATED");
        assertEquals(t[1], timeline.get(0)[2], "CREATED at CREATED_AT");
        String lastTo = null;
        String previousAt = null;
        String state = null;
        for (int i = 0; i < timeline.size(); i++) {
          String[] ev = timeline.get(i);
          assertEquals(i + 1, Integer.parseInt(ev[0]), "SEQ_NO 1..n");
          if (previousAt != null) {
            assertTrue(Instant.parse(ev[2]).isAfter(Instant.parse(previousAt)), "times increase");
          }
          previousAt = ev[2];
          if (ev[5] != null) {
            assertEquals(state, ev[4], "FROM_STATUS continues the previous TO_STATUS");
            if (state != null) {
              assertTrue(TicketStatus.valueOf(state).canMoveTo(TicketStatus.valueOf(ev[5])),
                  "the state machine allows " + state + " -> " + ev[5]);
            }
            state = ev[5];
            lastTo = ev[5];
          }
          if (ev[1].equals("DISPATCHED")) {
            assertEquals("system", ev[3]);
            assertEquals(t[2], ev[6], "dispatched to the assigned team");
            assertEquals(t[4], ev[2], "DISPATCHED_AT");
          }
        }
        assertEquals(t[0], lastTo, "last TO_STATUS is the ticket's STATUS");
        assertEquals(t[3], previousAt, "UPDATED_AT is the last event");
        assertTrue(Instant.parse(previousAt).isBefore(NOW));
        boolean terminal = !TicketStatus.valueOf(t[0]).isOpen();
        assertEquals(terminal, t[5] != null, "CLOSED_AT set iff closed or cancelled");
        if (terminal) {
          assertEquals(t[3], t[5]);
        }
      }
      // ticket ids and event ids come from the sequences
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT ID FROM TICKET UNION ALL SELECT ID FROM TICKET_EVENT UNION ALL SELECT ID FROM CUSTOMER"
              + " UNION ALL SELECT ID FROM CUSTOMER_ACCOUNT UNION ALL SELECT ID FROM STAFF UNION ALL SELECT ID FROM TEAM"
              + " UNION ALL SELECT ID FROM DEPARTMENT UNION ALL SELECT ID FROM DISPATCH_RULE")) {
        while (rs.next()) {
          assertSequenceId(rs.getLong(1));
        }
      }
      // every complaint goes to HQ (consumer protection or the card center)
      assertEquals(0, count(c, "SELECT COUNT(*) FROM TICKET t JOIN TEAM tm ON tm.ID = t.ASSIGNED_TEAM_ID"
          + " JOIN DEPARTMENT d ON d.ID = tm.DEPARTMENT_ID WHERE t.TICKET_TYPE = 'COMPLAINT'"
          + " AND d.CODE NOT IN ('HQ-CP', 'HQ-CARD')"));
    }
  }

  @Test
  void dispatchRulesCoverTheDocumentedCases() throws Exception {
    try (Connection c = open()) {
      assertEquals(1, count(c, "SELECT COUNT(*) FROM DISPATCH_RULE WHERE TICKET_TYPE IS NULL AND CATEGORY_ID IS NULL"
          + " AND BRANCH_ID IS NULL AND CUSTOMER_TIER IS NULL"), "one global catch-all");
      assertEquals(6, count(c, "SELECT COUNT(*) FROM DISPATCH_RULE WHERE TICKET_TYPE IS NULL AND CATEGORY_ID IS NULL"
          + " AND BRANCH_ID IS NOT NULL"), "a catch-all per city branch");
      assertEquals(12, count(c, "SELECT COUNT(*) FROM DISPATCH_RULE WHERE CATEGORY_ID IN (51, 53) AND BRANCH_ID IS NOT NULL"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM DISPATCH_RULE r JOIN TICKET_CATEGORY tc ON tc.ID = r.CATEGORY_ID"
          + " WHERE r.TICKET_TYPE <> tc.TICKET_TYPE"));
    }
  }

  @Test
  void sameSeedGivesTheSameData() throws Exception {
    String other = migratedDatabase("b");
    DemoDataSet.Summary second = writeTimed(other);
    assertEquals(summary, second);
    String customers = "SELECT CUSTOMER_NO || '|' || NAME || '|' || PHONE || '|' || ID_NUMBER || '|' || TIER"
        + " FROM CUSTOMER ORDER BY CUSTOMER_NO";
    String tickets = "SELECT TICKET_NO || '|' || STATUS || '|' || SUBJECT FROM TICKET ORDER BY TICKET_NO";
    try (Connection a = open(); Connection b = DriverManager.getConnection(other, "sa", "")) {
      assertEquals(rows(a, customers), rows(b, customers));
      assertEquals(rows(a, tickets), rows(b, tickets));
    }
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void theSeedMarkerIsClaimedOnce() throws Exception {
    String u = migratedDatabase("marker");
    try (Connection c = DriverManager.getConnection(u, "sa", "")) {
      assertTrue(DemoDataLoader.claim(c));
      assertFalse(DemoDataLoader.claim(c), "an existing row means already seeded");
    }
    try (Connection c = DriverManager.getConnection(u, "sa", "");
        Statement s = c.createStatement()) {
      try {
        s.executeUpdate("INSERT INTO DATA_SEED (NAME, APPLIED_AT) VALUES ('demo-v1', SYSTIMESTAMP)");
        throw new AssertionError("duplicate marker accepted");
      } catch (SQLException e) {
        assertTrue(DemoDataLoader.seededConcurrently(e), e.getSQLState());
      }
    }
  }
}
