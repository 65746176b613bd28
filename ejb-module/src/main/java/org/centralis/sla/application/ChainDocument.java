package org.centralis.sla.application;

import java.util.List;

/**
 * An escalation chain (升级链) as the API reads and writes it: its levels in order, level 1 first.
 *
 * @param levels each level fires {@code delaySeconds} of working time after the breach; notifies the holders of
 *     {@code notifyRole} (a role name, or null for nobody) at {@code notifyAt} (OWNING, BRANCH, REGION, HEADQUARTERS);
 *     optionally reassigns the ticket to team {@code reassignTeamId} and raises its priority to {@code raisePriority};
 *     with {@code ackRequired} the people told are asked to confirm, and the first confirmation stops the chain
 */
public record ChainDocument(Long id, String code, String name, List<Level> levels) {

  public record Level(
      Integer level, Long delaySeconds, String notifyRole, String notifyAt, Long reassignTeamId, String raisePriority, Boolean ackRequired) {}
}
