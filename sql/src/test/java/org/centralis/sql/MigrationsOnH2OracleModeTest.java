package org.centralis.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations are Oracle DDL; the embedded default must run them unchanged on H2's Oracle mode. */
class MigrationsOnH2OracleModeTest {

  @TempDir Path dir;

  @Test
  void allMigrationsApplyOnH2OracleModeAndAreIdempotentOnRestart() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
    var flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
    int applied = flyway.migrate().migrationsExecuted;
    long files;
    try (var s = Files.list(Path.of("src/main/resources/db/migration"))) {
      files = s.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
    assertEquals(files, applied);
    assertEquals(0, flyway.migrate().migrationsExecuted, "a second start applies nothing");

    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM TICKET_CATEGORY WHERE PARENT_ID IS NULL")) {
      rs.next();
      assertEquals(6, rs.getInt(1), "one root category per ticket type");
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT TICKET_NO_SEQ.NEXTVAL FROM DUAL")) {
      assertTrue(rs.next());
    }
  }
}
