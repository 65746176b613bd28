package org.centralis.quality.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.quality.application.QaViews;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;

/**
 * The QA sample (质检抽样) as a spreadsheet, with the quality page's columns in the reader's language. Shared by the
 * page's export buttons and {@code GET /api/qa/samples/export}.
 */
public final class QaSampleSheet {

  private static final Formats FORMATS = new Formats();

  private QaSampleSheet() {}

  public static void write(Spreadsheet.Format format, List<QaViews.Sample> samples, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    List<String> header = List.of(msg.getString("ticket.number"), msg.getString("qa.agent"), msg.getString("visit.rule"), msg.getString("ticket.createdAt"));
    List<List<String>> rows = samples.stream()
        .map(s -> List.of(
            s.ticketNumber(),
            s.agentName() == null ? "" : s.agentName(),
            msg.containsKey("qa.reason." + s.reason()) ? msg.getString("qa.reason." + s.reason()) : s.reason(),
            FORMATS.dateTime(s.createdAt())))
        .toList();
    Spreadsheet.write(format, msg.getString("qa.samples"), header, rows, out);
  }
}
