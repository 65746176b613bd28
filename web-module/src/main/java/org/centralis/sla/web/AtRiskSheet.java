package org.centralis.sla.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.sla.application.AtRiskClocks;

/**
 * The at-risk list (超时预警) as a spreadsheet, with the page's columns in the reader's language; the working time left
 * as the page writes it (negative when overdue). Shared by the page's buttons and {@code GET /api/sla/at-risk/export}.
 */
public final class AtRiskSheet {

  private static final Formats FORMATS = new Formats();

  private AtRiskSheet() {}

  public static void write(Spreadsheet.Format format, List<AtRiskClocks.Row> rows, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    boolean en = "en".equals(locale.getLanguage());
    List<String> header = List.of(
        msg.getString("ticket.number"), msg.getString("field.subject"), msg.getString("sla.risk.branch"), msg.getString("sla.panel.metric"),
        msg.getString("sla.panel.state"), msg.getString("sla.panel.due"), msg.getString("sla.panel.left"), msg.getString("sla.risk.used"),
        msg.getString("sla.panel.level"));
    List<List<String>> lines = rows.stream()
        .map(r -> List.of(
            r.ticketNo(), r.subject() == null ? "" : r.subject(), (en ? r.branchNameEn() : r.branchName()) == null ? "" : (en ? r.branchNameEn() : r.branchName()),
            msg.getString("sla.metric." + r.metric()), msg.getString("sla.state." + r.state()), FORMATS.dateTime(r.dueAt()),
            working(r.remainingSeconds()), r.elapsedPercent() + "%", r.escalationLevel() > 0 ? Integer.toString(r.escalationLevel()) : ""))
        .toList();
    Spreadsheet.write(format, msg.getString("sla.risk.title"), header, lines, out);
  }

  /** "3 h 05 min", "-0 h 10 min" when overdue (as the page). */
  static String working(long seconds) {
    long abs = Math.abs(seconds);
    return (seconds < 0 ? "-" : "") + abs / 3600 + " h " + String.format("%02d", abs % 3600 / 60) + " min";
  }
}
