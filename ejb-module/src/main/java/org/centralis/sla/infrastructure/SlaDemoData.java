package org.centralis.sla.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SLA part of the demo data: headquarters (and so every branch below it) works on the
 * CN-BANK-2026 calendar. Policies and chains are reference data of the V9 migration.
 */
public final class SlaDemoData {

  private SlaDemoData() {}

  public static void write(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO BRANCH_CALENDAR (BRANCH_ID, CALENDAR_CODE) SELECT ID, 'CN-BANK-2026' FROM BRANCH WHERE CODE = 'HQ'")) {
      ps.executeUpdate();
    }
  }
}
