package org.centralis.acd.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact announced by the CTI. {@code externalId} is the CTI's id and the idempotency key;
 * {@code priority} 0–9 (higher first), combined with the customer's tier priority of the queue.
 */
public record ContactRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only") String externalId,
    @NotBlank String channel,
    @NotBlank @Size(max = 32) String queue,
    @Size(max = 32) @Pattern(regexp = "\\+?[0-9]{3,31}", message = "digits, optionally with a leading +") String callerNumber,
    Long customerId,
    @Min(0) @Max(9) Integer priority) {}
