package org.centralis.ticket.application;

import org.centralis.ticket.domain.TicketType;

/** How many open tickets of a type a branch owns ({@code branchPath} exactly, not its subtree). */
public record OpenTicketCount(String branchPath, TicketType type, long count) {

  /** Whether the branch lies in the subtree whose path is {@code path} (paths end with '/', so no false prefix). */
  public boolean within(String path) {
    return branchPath.startsWith(path);
  }
}
