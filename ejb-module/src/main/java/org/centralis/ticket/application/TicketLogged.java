package org.centralis.ticket.application;

/**
 * Fired synchronously by {@link TicketIntake} inside the intake transaction, after the new ticket is
 * flushed and before {@link TicketChanged}: contexts that keep facts of their own about a new
 * ticket (the complaint register) take them from the request here. An observer that throws refuses
 * the intake (e.g. an unknown complaint taxonomy is a 400).
 */
public record TicketLogged(long ticketId, String number, LogRequest request) {}
