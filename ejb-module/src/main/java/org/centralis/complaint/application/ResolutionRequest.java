package org.centralis.complaint.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Root cause (a node of the ROOT_CAUSE taxonomy) and corrective action (整改措施) of a complaint. */
public record ResolutionRequest(@NotNull Long rootCauseId, @NotBlank @Size(max = 2000) String correctiveAction) {}
