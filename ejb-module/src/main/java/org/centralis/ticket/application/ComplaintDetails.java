package org.centralis.ticket.application;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * The complaint facts taken at intake (受理) of a COMPLAINT ticket; the complaint context checks them
 * against its taxonomy and keeps them ({@code org.centralis.complaint}).
 *
 * @param severity MINOR, MAJOR or CRITICAL
 * @param taxonomyId a node of the complaint taxonomy
 * @param amount the amount in dispute, if any (currency then required)
 */
public record ComplaintDetails(
    @NotNull @Pattern(regexp = "MINOR|MAJOR|CRITICAL", message = "must be MINOR, MAJOR or CRITICAL") String severity,
    @NotNull Long taxonomyId,
    @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal amount,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {}
