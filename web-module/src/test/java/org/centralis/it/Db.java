package org.centralis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct access to the database of the server under test, as an operator (or an attacker) would have. */
public final class Db {

  private Db() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(System.getProperty("centralis.it.jdbc"), "centralis", "centralis");
  }

  /** The first column of the first row of a query. */
  public static String scalar(String sql, Object... params) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** {@link #scalar} asked again every 200 ms until it answers a value (not null), for at most {@code seconds}. */
  public static String awaitScalar(int seconds, String sql, Object... params) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    String value;
    while ((value = scalar(sql, params)) == null && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    if (value == null) {
      throw new AssertionError("no value within " + seconds + " s: " + sql);
    }
    return value;
  }

  public static int update(String sql, Object... params) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }
}
