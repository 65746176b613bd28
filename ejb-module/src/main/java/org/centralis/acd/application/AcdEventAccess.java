package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.centralis.shared.security.Role;

/** Who may listen to the live ACD event stream: the PBX adapter (CTI) and supervisors. */
@Stateless
@RolesAllowed({Role.CTI_NAME, Role.SUPERVISOR_NAME})
public class AcdEventAccess {

  /** Returns normally if the caller may listen; the container answers 403 otherwise. */
  public void check() {
    // the role check is the container's
  }
}
