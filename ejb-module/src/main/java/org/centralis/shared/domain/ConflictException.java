package org.centralis.shared.domain;

/** The request is valid but contradicts the current state (e.g. a status transition not allowed). */
public class ConflictException extends CentralisException {

  public ConflictException(String code, String message, Object... arguments) {
    super(code, message, arguments);
  }
}
