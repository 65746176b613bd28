package org.centralis.ticket.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.ticket.application.TicketSummary;

/**
 * A ticket list as a spreadsheet, with the columns and labels of the list page in the reader's language (codes such as
 * COMPLAINT become 投诉). Shared by the list page's export buttons and {@code GET /api/tickets/export}.
 */
public final class TicketSheet {

  private static final Formats FORMATS = new Formats();

  private TicketSheet() {}

  public static void write(Spreadsheet.Format format, List<TicketSummary> tickets, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    String lang = locale.getLanguage();
    List<String> header = List.of(
        msg.getString("ticket.number"), msg.getString("field.type"), msg.getString("field.categoryId"), msg.getString("field.priority"),
        msg.getString("ticket.status"), msg.getString("field.subject"), msg.getString("ticket.owningBranch"), msg.getString("ticket.assignedTeam"),
        msg.getString("ticket.createdAt"));
    List<List<String>> rows = tickets.stream()
        .map(t -> List.of(
            t.number(),
            msg.getString("ticket.type." + t.type()),
            "en".equals(lang) && t.categoryNameEn() != null ? t.categoryNameEn() : t.categoryName(),
            msg.getString("ticket.priority." + t.priority()),
            msg.getString("ticket.status." + t.status()),
            t.subject(),
            t.owningBranch() == null ? "" : t.owningBranch().name(lang),
            t.assignedTeam() == null ? "" : t.assignedTeam().name(lang),
            FORMATS.dateTime(t.createdAt())))
        .toList();
    Spreadsheet.write(format, msg.getString("ticket.list.title"), header, rows, out);
  }
}
