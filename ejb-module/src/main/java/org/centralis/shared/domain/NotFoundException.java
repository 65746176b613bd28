package org.centralis.shared.domain;

/**
 * The thing does not exist, or exists outside the caller's branch scope: both answer the same, so
 * that a user cannot probe for other branches' data.
 */
public class NotFoundException extends CentralisException {

  public NotFoundException(String what, Object id) {
    super("not-found", what + " " + id + " not found", what, id);
  }
}
