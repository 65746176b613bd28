package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRResultSetDataSource;
import org.centralis.reporting.application.RunParameters;

/**
 * The data of one catalog report: a SQL query whose result set streams into the template (its column labels are the
 * template's field names) plus the template parameters. A new report adds a template in reports/ and one of these.
 */
public interface ReportSource {

  /** The catalog code, also the template name (reports/&lt;code&gt;.jasper). */
  String code();

  /** Rows restricted to {@code scopePath} (a branch path prefix) and to data that existed at {@code dataAsOf}. */
  PreparedStatement prepare(Connection connection, RunParameters parameters, String scopePath, Instant dataAsOf) throws SQLException;

  /** Title-block parameters (period, scope name, ...). */
  Map<String, Object> parameters(Connection connection, RunParameters parameters, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException;

  /** The template's data from the query's rows, streamed; a source that derives figures in Java (Erlang C, ...) wraps them. */
  default JRDataSource data(ResultSet rows, RunParameters parameters) throws SQLException {
    return new JRResultSetDataSource(rows);
  }
}
