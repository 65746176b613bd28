package org.centralis.ticket.application;

import jakarta.validation.constraints.Size;
import org.centralis.ticket.domain.CommentVisibility;
import org.centralis.ticket.domain.Priority;

/**
 * The input of a ticket action; which fields it needs depends on the action: {@code reason} for
 * reject, return, reopen, cancel, transfer, reclassify (and optionally pend), {@code note} for
 * resolve (the resolution) and comment, {@code teamId} for transfer, {@code visibility} for
 * comment, {@code categoryId} and/or {@code priority} for reclassify, {@code targetNumber} (the ticket
 * that stays) and a reason for merge.
 */
public record TicketActionRequest(
    @Size(max = 1000) String reason,
    @Size(max = 1000) String note,
    Long teamId,
    CommentVisibility visibility,
    Long categoryId,
    Priority priority,
    @Size(max = 20) String targetNumber) {

  public static TicketActionRequest none() {
    return new TicketActionRequest(null, null, null, null, null, null, null);
  }

  /** The free text of the action: the reason, or the note when no reason was given. */
  String text() {
    return reason != null && !reason.isBlank() ? reason : note;
  }

  /** The note, or the reason when no note was given. */
  String noteOrReason() {
    return note != null && !note.isBlank() ? note : reason;
  }
}
