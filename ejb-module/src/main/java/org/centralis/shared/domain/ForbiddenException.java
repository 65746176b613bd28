package org.centralis.shared.domain;

/**
 * The caller may see the thing but their role or relation to it does not allow this action (e.g. a
 * branch clerk accepting a ticket for a team they are not in). Checked in the services, beside the
 * coarse {@code @RolesAllowed}.
 */
public class ForbiddenException extends CentralisException {

  public ForbiddenException(String code, String message, Object... arguments) {
    super(code, message, arguments);
  }
}
