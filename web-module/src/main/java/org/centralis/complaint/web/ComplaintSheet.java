package org.centralis.complaint.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.complaint.application.ComplaintView;
import org.centralis.complaint.application.TaxonomyRef;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;

/**
 * The complaint register (投诉登记簿) as a spreadsheet, with the register page's columns and labels in the reader's
 * language, plus the amount in dispute. Shared by the page's export buttons and {@code GET /api/complaints/export}.
 */
public final class ComplaintSheet {

  private static final Formats FORMATS = new Formats();

  private ComplaintSheet() {}

  public static void write(Spreadsheet.Format format, List<ComplaintView> complaints, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    String lang = locale.getLanguage();
    List<String> header = List.of(
        msg.getString("ticket.number"), msg.getString("complaint.taxonomy"), msg.getString("complaint.severity"), msg.getString("ticket.owningBranch"),
        msg.getString("complaint.status"), msg.getString("ticket.createdAt"), msg.getString("complaint.deadline"), msg.getString("complaint.overdue"),
        msg.getString("complaint.repeat"), msg.getString("complaint.rootCause"), msg.getString("complaint.amount"));
    List<List<String>> rows = complaints.stream()
        .map(c -> List.of(
            c.number(),
            name(c.taxonomy(), lang),
            msg.getString("complaint.severity." + c.severity()),
            c.owningBranch() == null ? "" : c.owningBranch().name(lang),
            msg.getString("ticket.status." + c.ticketStatus()),
            FORMATS.dateTime(c.createdAt()),
            FORMATS.dateTime(c.regulatorDeadline()),
            c.overdue() ? "✔" : "",
            c.repeat() ? "✔" : "",
            name(c.rootCause(), lang),
            c.amount() == null ? "" : c.amount().toPlainString() + (c.currency() == null ? "" : " " + c.currency())))
        .toList();
    Spreadsheet.write(format, msg.getString("complaint.register.title"), header, rows, out);
  }

  private static String name(TaxonomyRef t, String lang) {
    return t == null ? "" : t.name(lang);
  }
}
