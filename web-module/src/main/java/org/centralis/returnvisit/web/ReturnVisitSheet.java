package org.centralis.returnvisit.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.returnvisit.application.ReturnVisitView;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;

/**
 * Return visits (回访) as a spreadsheet, with the return-visit page's columns in the reader's language. Shared by the
 * page's export buttons and {@code GET /api/return-visits/export}.
 */
public final class ReturnVisitSheet {

  private static final Formats FORMATS = new Formats();

  private ReturnVisitSheet() {}

  public static void write(Spreadsheet.Format format, List<ReturnVisitView> visits, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    List<String> header = List.of(
        msg.getString("ticket.number"), msg.getString("field.type"), msg.getString("field.subject"), msg.getString("ticket.customer"),
        msg.getString("visit.rule"), msg.getString("visit.status"), msg.getString("visit.attempts"), "CSAT", msg.getString("visit.comment"),
        msg.getString("visit.agent"), msg.getString("visit.escalated"), msg.getString("ticket.createdAt"), msg.getString("visit.completedAt"));
    List<List<String>> rows = visits.stream()
        .map(v -> List.of(
            v.ticketNumber(),
            msg.getString("ticket.type." + v.ticketType()),
            text(v.ticketSubject()),
            text(v.customerName()),
            msg.containsKey("visit.rule." + v.rule()) ? msg.getString("visit.rule." + v.rule()) : text(v.rule()),
            msg.getString("visit.status." + v.status()),
            Integer.toString(v.attempts()),
            v.csat() == null ? "" : v.csat().toString(),
            text(v.comment()),
            text(v.agent()),
            v.escalated() ? "✔" : "",
            FORMATS.dateTime(v.createdAt()),
            v.completedAt() == null ? "" : FORMATS.dateTime(v.completedAt())))
        .toList();
    Spreadsheet.write(format, msg.getString("visit.page.title"), header, rows, out);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
