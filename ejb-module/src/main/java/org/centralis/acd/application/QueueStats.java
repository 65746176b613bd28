package org.centralis.acd.application;

import java.util.Map;

/**
 * Live figures of a queue. Service level = contacts answered within the threshold / (contacts
 * answered + contacts abandoned after the threshold), today (Asia/Shanghai), over contacts whose
 * current queue is this one; abandons before the threshold are left out; null when nothing counts yet.
 */
public record QueueStats(
    String code,
    int waiting,
    long longestWaitSeconds,
    Map<String, Integer> agentsByState,
    int offeredToday,
    int answeredToday,
    int abandonedToday,
    int answeredWithinThreshold,
    Double serviceLevel,
    int serviceLevelTargetPercent,
    int serviceLevelThresholdSeconds) {}
