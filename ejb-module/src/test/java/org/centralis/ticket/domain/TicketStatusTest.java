package org.centralis.ticket.domain;

import static org.centralis.ticket.domain.TicketStatus.ACCEPTED;
import static org.centralis.ticket.domain.TicketStatus.CANCELLED;
import static org.centralis.ticket.domain.TicketStatus.CLOSED;
import static org.centralis.ticket.domain.TicketStatus.DISPATCHED;
import static org.centralis.ticket.domain.TicketStatus.IN_PROGRESS;
import static org.centralis.ticket.domain.TicketStatus.NEW;
import static org.centralis.ticket.domain.TicketStatus.PENDING_CUSTOMER;
import static org.centralis.ticket.domain.TicketStatus.REJECTED;
import static org.centralis.ticket.domain.TicketStatus.REOPENED;
import static org.centralis.ticket.domain.TicketStatus.RESOLVED;
import static org.centralis.ticket.domain.TicketStatus.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket lifecycle as an explicit transition table: NEW → DISPATCHED → ACCEPTED → IN_PROGRESS ⇄
 * PENDING_CUSTOMER → RESOLVED → CLOSED, with rejection/return by the receiving team back to
 * dispatch, re-dispatch, reopening and cancellation. X = allowed, . = refused.
 */
class TicketStatusTest {

  /** Columns in this order. */
  static final List<TicketStatus> COLUMNS =
      List.of(NEW, DISPATCHED, ACCEPTED, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, CLOSED, REJECTED, RETURNED, REOPENED,
          CANCELLED);

  static final String[] MATRIX = {
    //                  NEW DIS ACC INP PEN RES CLO REJ RET REO CAN
    "NEW               .   X   .   .   .   .   .   .   .   .   X",
    "DISPATCHED        .   X   X   .   .   .   .   X   X   .   X",
    "ACCEPTED          .   X   .   X   .   X   .   .   X   .   .",
    "IN_PROGRESS       .   X   .   .   X   X   .   .   .   .   .",
    "PENDING_CUSTOMER  .   .   .   X   .   X   .   .   .   .   X",
    "RESOLVED          .   .   .   .   .   .   X   .   .   X   .",
    "CLOSED            .   .   .   .   .   .   .   .   .   X   .",
    "REJECTED          .   X   .   .   .   .   .   .   .   .   X",
    "RETURNED          .   X   .   .   .   .   .   .   .   .   X",
    "REOPENED          .   X   .   X   .   .   .   .   .   .   .",
    "CANCELLED         .   .   .   .   .   .   .   .   .   .   .",
  };

  static Set<TicketStatus> expectedSuccessors(TicketStatus from) {
    for (String row : MATRIX) {
      String[] cells = row.trim().split("\\s+");
      if (cells[0].equals(from.name())) {
        Set<TicketStatus> allowed = EnumSet.noneOf(TicketStatus.class);
        for (int i = 0; i < COLUMNS.size(); i++) {
          String cell = cells[i + 1];
          if (cell.equals("X")) {
            allowed.add(COLUMNS.get(i));
          } else if (!cell.equals(".")) {
            throw new IllegalStateException("bad cell " + cell + " in row " + from);
          }
        }
        if (cells.length != COLUMNS.size() + 1) {
          throw new IllegalStateException("row " + from + " has " + (cells.length - 1) + " cells");
        }
        return allowed;
      }
    }
    throw new IllegalStateException("no row for " + from);
  }

  static Stream<Arguments> allPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (TicketStatus from : TicketStatus.values()) {
      for (TicketStatus to : TicketStatus.values()) {
        pairs.add(Arguments.of(from, to, expectedSuccessors(from).contains(to)));
      }
    }
    return pairs.stream();
  }

  @Test
  void tableCoversEveryStatusOnce() {
    assertEquals(11, TicketStatus.values().length);
    assertEquals(EnumSet.allOf(TicketStatus.class), EnumSet.copyOf(COLUMNS));
    assertEquals(COLUMNS.size(), MATRIX.length);
    for (int i = 0; i < MATRIX.length; i++) {
      assertTrue(MATRIX[i].startsWith(COLUMNS.get(i).name() + " "), MATRIX[i]);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("allPairs")
  void transition(TicketStatus from, TicketStatus to, boolean allowed) {
    assertEquals(allowed, from.canMoveTo(to), from + " -> " + to);
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void successorsAreExactlyTheAllowedRow(TicketStatus from) {
    assertEquals(expectedSuccessors(from), from.successors());
  }

  @Test
  void countsOfTheTable() {
    int allowed = 0;
    for (TicketStatus s : TicketStatus.values()) {
      allowed += s.successors().size();
    }
    assertEquals(26, allowed);
  }

  @Test
  void nothingGoesBackToNewAndCancelledIsFinal() {
    for (TicketStatus s : TicketStatus.values()) {
      assertFalse(s.canMoveTo(NEW), s + " -> NEW");
    }
    assertTrue(CANCELLED.successors().isEmpty());
  }

  @Test
  void everyStatusIsReachableFromNew() {
    Set<TicketStatus> seen = EnumSet.of(NEW);
    Deque<TicketStatus> todo = new ArrayDeque<>(List.of(NEW));
    while (!todo.isEmpty()) {
      for (TicketStatus next : todo.pop().successors()) {
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    assertEquals(EnumSet.allOf(TicketStatus.class), seen);
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void isOpenUnlessClosedOrCancelled(TicketStatus s) {
    boolean expected =
        switch (s) {
          case NEW, DISPATCHED, ACCEPTED, IN_PROGRESS, PENDING_CUSTOMER, RESOLVED, REJECTED, RETURNED, REOPENED -> true;
          case CLOSED, CANCELLED -> false;
        };
    assertEquals(expected, s.isOpen());
  }
}
