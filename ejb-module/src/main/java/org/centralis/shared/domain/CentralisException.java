package org.centralis.shared.domain;

import jakarta.ejb.ApplicationException;

/**
 * Root of the business exceptions. Thrown to the caller as is (not wrapped in an EJBException)
 * and always rolls the transaction back, so nothing is half-written. {@link #code()} is a stable
 * key: the resource-bundle key in the UI and the problem type in the API.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class CentralisException extends RuntimeException {

  private final String code;
  private final transient Object[] arguments;

  protected CentralisException(String code, String message, Object... arguments) {
    super(message);
    this.code = code;
    this.arguments = arguments;
  }

  public String code() {
    return code;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
