package org.centralis.ticket.domain;

/** Who may read a comment: only staff, or the customer as well (on a return visit, later a portal). */
public enum CommentVisibility {
  INTERNAL,
  CUSTOMER
}
