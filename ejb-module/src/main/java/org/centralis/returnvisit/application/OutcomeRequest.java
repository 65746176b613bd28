package org.centralis.returnvisit.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One call of a return visit: reached or not; if reached, CSAT 1..5 (required) and a comment. */
public record OutcomeRequest(@NotNull Boolean reached, @Min(1) @Max(5) Integer csat, @Size(max = 1000) String comment) {}
