package org.centralis.ticket.application;

/** Automatic dispatch cannot proceed; the message that asked for it goes to the dead-letter queue. */
public class DispatchFailedException extends RuntimeException {

  public DispatchFailedException(String message) {
    super(message);
  }
}
