package org.centralis.shared.domain;

/** Input that passed Bean Validation but breaks a business rule (e.g. a category of another type). */
public class InvalidInputException extends CentralisException {

  private final String field;

  public InvalidInputException(String field, String code, String message, Object... arguments) {
    super(code, message, arguments);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
