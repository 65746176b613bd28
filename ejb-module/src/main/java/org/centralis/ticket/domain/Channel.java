package org.centralis.ticket.domain;

/** Where the request came in. */
public enum Channel {
  BRANCH_COUNTER,
  PHONE,
  WEB,
  MOBILE_APP,
  EMAIL
}
