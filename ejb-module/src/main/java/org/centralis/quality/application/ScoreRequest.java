package org.centralis.quality.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A supervisor's score: a form, what is scored (a sample, a ticket number or a contact id), the
 * agent scored (taken from the ticket's assignee when a sample or ticket is named and this is null),
 * points 0..100 per criterion id, and a comment the agent will read.
 */
public record ScoreRequest(
    @NotNull Long formId,
    Long sampleId,
    @Size(max = 24) String ticketNumber,
    @Size(max = 60) String contactId,
    Long agentStaffId,
    @NotEmpty Map<Long, Integer> points,
    @Size(max = 1000) String comment) {}
