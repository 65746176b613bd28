package org.centralis.ticket.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketType;

/**
 * A request to log: the category must belong to the type; the customer is optional (anonymous).
 * {@code complaint} is required for type COMPLAINT and ignored for the others.
 */
public record LogRequest(
    @NotNull TicketType type,
    @NotNull Long categoryId,
    @NotNull Priority priority,
    @NotNull Channel channel,
    @NotBlank @Size(max = 200) String subject,
    @Size(max = 4000) String description,
    Long customerId,
    @Valid ComplaintDetails complaint) {}
