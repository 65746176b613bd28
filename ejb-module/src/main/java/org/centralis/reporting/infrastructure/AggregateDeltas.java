package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one roll-up batch adds to aggregate rows, summed in memory first so that a batch touches each row once:
 * {@code deltas.row("ACD_INTERVAL_STAT", "QUEUE_ID", q, "INTERVAL_START", t).add("OFFERED", 1).max("MAX_WAIT_SECONDS", w)}.
 * {@link #apply} updates each row and inserts the ones that do not exist yet; when another node inserted the same row
 * first, the insert fails on the primary key and the update is tried again (a statement-level failure: the transaction
 * goes on, on Oracle and on H2).
 */
public final class AggregateDeltas {

  private final Map<List<Object>, Row> rows = new LinkedHashMap<>();

  /** The row of {@code table} with these key columns and values (alternating name, value), created on first use. */
  public Row row(String table, Object... keyNamesAndValues) {
    List<Object> id = new ArrayList<>(List.of(keyNamesAndValues));
    id.add(0, table);
    return rows.computeIfAbsent(id, k -> new Row(table, keyNamesAndValues));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Rows in the order of their keys, the same on every node: two nodes' batches never lock rows in opposite orders. */
  public void apply(Connection c) throws SQLException {
    List<Map.Entry<List<Object>, Row>> ordered = new ArrayList<>(rows.entrySet());
    ordered.sort(Map.Entry.comparingByKey(Comparator.comparing(Object::toString)));
    for (Row row : ordered.stream().map(Map.Entry::getValue).toList()) {
      if (row.update(c) == 0 && !row.insert(c) && row.update(c) == 0) {
        throw new SQLException("aggregate row " + row.keys + " of " + row.table + " could be neither inserted nor updated");
      }
    }
  }

  /** One aggregate row's key, the values to set only when it is inserted, and the sums and maxima to add. */
  public static final class Row {
    private final String table;
    private final Map<String, Object> keys = new LinkedHashMap<>();
    private final Map<String, Object> insertOnly = new LinkedHashMap<>();
    private final Map<String, Long> sums = new LinkedHashMap<>();
    private final Map<String, Long> maxima = new LinkedHashMap<>();

    private Row(String table, Object... keyNamesAndValues) {
      this.table = table;
      for (int i = 0; i < keyNamesAndValues.length; i += 2) {
        keys.put((String) keyNamesAndValues[i], keyNamesAndValues[i + 1]);
      }
    }

    /** A column that is no part of the key but needs a value when the row is created (e.g. BRANCH_PATH). */
    public Row withValue(String column, Object value) {
      insertOnly.put(column, value);
      return this;
    }

    public Row add(String column, long delta) {
      sums.merge(column, delta, Long::sum);
      return this;
    }

    public Row max(String column, long value) {
      maxima.merge(column, value, Math::max);
      return this;
    }

    private int update(Connection c) throws SQLException {
      List<String> sets = new ArrayList<>();
      sums.keySet().forEach(col -> sets.add(col + " = " + col + " + ?"));
      maxima.keySet().forEach(col -> sets.add(col + " = GREATEST(" + col + ", ?)"));
      if (sets.isEmpty()) {
        throw new IllegalStateException("aggregate row of " + table + " without sums");
      }
      String where = keys.keySet().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
      try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + where)) {
        int i = 1;
        for (Long v : sums.values()) {
          s.setLong(i++, v);
        }
        for (Long v : maxima.values()) {
          s.setLong(i++, v);
        }
        for (Object v : keys.values()) {
          s.setObject(i++, v);
        }
        return s.executeUpdate();
      }
    }

    /** False when the row exists after all (another node inserted it since this batch's update). */
    private boolean insert(Connection c) throws SQLException {
      Map<String, Object> values = new LinkedHashMap<>(keys);
      values.putAll(insertOnly);
      values.putAll(sums);
      values.putAll(maxima);
      String columns = String.join(", ", values.keySet());
      String marks = values.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
        int i = 1;
        for (Object v : values.values()) {
          s.setObject(i++, v);
        }
        s.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false; // integrity constraint: the row is there now
        }
        throw e;
      }
    }
  }
}
