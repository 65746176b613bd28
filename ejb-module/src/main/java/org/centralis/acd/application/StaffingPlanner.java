package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.centralis.acd.domain.ErlangC;
import org.centralis.acd.domain.ErlangC.Figures;
import org.centralis.acd.domain.ErlangC.Staffing;
import org.centralis.shared.security.Role;

/**
 * Erlang C staffing figures for the people who plan the floor. Pure computation, no data read; the
 * bean exists for the role check. Inputs are validated by {@link ErlangC}, which names the
 * offending parameter.
 */
@Stateless
@RolesAllowed({Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
public class StaffingPlanner {

  /** The figures of a queue staffed with {@code agents}. */
  public Figures erlangC(double arrivalsPerHour, double ahtSeconds, int agents, double thresholdSeconds) {
    return ErlangC.of(arrivalsPerHour, ahtSeconds).with(agents, thresholdSeconds);
  }

  /** The fewest agents that meet the service-level target and the occupancy cap, and the head count after shrinkage. */
  public Staffing requiredAgents(
      double arrivalsPerHour,
      double ahtSeconds,
      double thresholdSeconds,
      double targetServiceLevel,
      double maxOccupancy,
      double shrinkage) {
    return ErlangC.of(arrivalsPerHour, ahtSeconds).requiredAgents(thresholdSeconds, targetServiceLevel, maxOccupancy, shrinkage);
  }
}
