package org.centralis.acd.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A requested agent state: READY, NOT_READY (with a reason code), LOGGED_OUT, or WRAP_UP_END (end
 * the wrap-up now). {@code extension} optionally sets the seat's phone extension (at sign-in).
 */
public record AgentStateRequest(@NotBlank String state, @Size(max = 32) String reason, @Size(max = 16) String extension) {}
