package org.centralis.acd.application;

import java.util.List;
import java.util.Map;

/** A queue's configuration as the API shows it. */
public record QueueView(
    String code,
    String name,
    String nameEn,
    String strategy,
    Map<String, Integer> requiredSkills,
    String tierPriorities,
    int serviceLevelTargetPercent,
    int serviceLevelThresholdSeconds,
    int maxWaitSeconds,
    int wrapUpSeconds,
    int offerTimeoutSeconds,
    int maxMisses,
    String calendar,
    String closedAction,
    List<String> overflowSteps) {}
