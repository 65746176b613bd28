package org.centralis.audit.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.centralis.audit.domain.AuditEvent;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;

/**
 * The audit log as a spreadsheet, with the audit page's columns in the reader's language and the whole hash (the
 * page shortens it): an auditor can check the chain outside the system. Shared by the page's export buttons and
 * {@code GET /api/audit/events/export}.
 */
public final class AuditSheet {

  private static final Formats FORMATS = new Formats();

  private AuditSheet() {}

  public static void write(Spreadsheet.Format format, List<AuditEvent> events, Locale locale, OutputStream out) {
    ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, locale);
    List<String> header = List.of(
        msg.getString("audit.seqNo"), msg.getString("audit.time"), msg.getString("audit.actor"), msg.getString("audit.role"),
        msg.getString("audit.ip"), msg.getString("audit.action"), msg.getString("audit.targetType"), msg.getString("audit.targetId"),
        msg.getString("audit.before"), msg.getString("audit.after"), msg.getString("audit.hash"), msg.getString("audit.prevHash"));
    List<List<String>> rows = events.stream()
        .map(e -> List.of(
            e.isSealed() ? Long.toString(e.getSeqNo()) : msg.getString("audit.unsealed"),
            FORMATS.dateTime(e.getOccurredAt()),
            e.getActorLogin(),
            e.getActorRole() == null ? "" : role(msg, e.getActorRole()),
            nullToEmpty(e.getClientIp()),
            e.getAction(),
            nullToEmpty(e.getTargetType()),
            nullToEmpty(e.getTargetId()),
            nullToEmpty(e.getBeforeSummary()),
            nullToEmpty(e.getAfterSummary()),
            nullToEmpty(e.getHash()),
            nullToEmpty(e.getPrevHash())))
        .toList();
    Spreadsheet.write(format, msg.getString("audit.search.title"), header, rows, out);
  }

  private static String role(ResourceBundle msg, String role) {
    return msg.containsKey("role." + role) ? msg.getString("role." + role) : role;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
