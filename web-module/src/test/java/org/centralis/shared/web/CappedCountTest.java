package org.centralis.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CappedCountTest {

  private final CappedCount total = new CappedCount(100);

  @Test
  void aCountWithinTheCapIsTheTablesRowCount() {
    assertEquals(100, total.rows(() -> 100));
    assertEquals(7, total.rows(() -> 7));
  }

  @Test
  void aCountBeyondTheCapPagesThroughTheCap() {
    assertEquals(100, total.rows(() -> 101));
  }

  @Test
  void aFailedCountShowsNoRowsForTheLoadToReport() {
    assertEquals(0, total.rows(() -> {
      throw new IllegalStateException("lock timeout");
    }));
  }
}
