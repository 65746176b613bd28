package org.centralis.ticket.application;

import org.centralis.organization.application.TeamRef;

/** What the dispatch try-out answers: the rule and its team; all null when no active rule matches. */
public record TryOutAnswer(Long ruleId, String ruleName, TeamRef team) {}
