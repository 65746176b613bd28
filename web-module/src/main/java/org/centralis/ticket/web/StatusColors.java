package org.centralis.ticket.web;

import java.util.Map;
import org.centralis.ticket.domain.TicketStatus;

/** One colour per ticket status, the same in charts as in the status tags of centralis.css. */
final class StatusColors {

  private static final Map<TicketStatus, String> COLORS =
      Map.ofEntries(
          Map.entry(TicketStatus.NEW, "#0ea5e9"),
          Map.entry(TicketStatus.DISPATCHED, "#2563eb"),
          Map.entry(TicketStatus.ACCEPTED, "#0d9488"),
          Map.entry(TicketStatus.IN_PROGRESS, "#7c3aed"),
          Map.entry(TicketStatus.PENDING_CUSTOMER, "#d97706"),
          Map.entry(TicketStatus.RESOLVED, "#16a34a"),
          Map.entry(TicketStatus.CLOSED, "#64748b"),
          Map.entry(TicketStatus.REJECTED, "#dc2626"),
          Map.entry(TicketStatus.RETURNED, "#ea580c"),
          Map.entry(TicketStatus.REOPENED, "#db2777"),
          Map.entry(TicketStatus.CANCELLED, "#94a3b8"));

  private StatusColors() {}

  static String of(TicketStatus status) {
    return COLORS.get(status);
  }
}
