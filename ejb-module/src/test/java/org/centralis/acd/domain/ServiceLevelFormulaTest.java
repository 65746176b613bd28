package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceLevelFormulaTest {

  // 100 outcomes: 70 answered within 20 s, 15 answered later, 5 abandoned within 20 s, 10 abandoned later.
  @Test
  void theThreeWaysAbandonsCount() {
    assertEquals(70.0 / 95, ServiceLevelFormula.ABANDONS_EXCLUDED.of(70, 5, 100), 1e-12);
    assertEquals(0.70, ServiceLevelFormula.ABANDONS_MISSED.of(70, 5, 100), 1e-12);
    assertEquals(0.75, ServiceLevelFormula.ABANDONS_MET.of(70, 5, 100), 1e-12);
  }

  @Test
  void noContactsIsNoFigureRatherThanAPerfectOne() {
    assertTrue(Double.isNaN(ServiceLevelFormula.ABANDONS_MISSED.of(0, 0, 0)));
    assertTrue(Double.isNaN(ServiceLevelFormula.ABANDONS_EXCLUDED.of(0, 3, 3)), "only quick abandons: nothing left to measure");
    assertEquals(1.0, ServiceLevelFormula.ABANDONS_MET.of(0, 3, 3), 1e-12);
  }

  @Test
  void countsThatCannotBeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServiceLevelFormula.ABANDONS_MISSED.of(8, 3, 10));
    assertThrows(IllegalArgumentException.class, () -> ServiceLevelFormula.ABANDONS_MISSED.of(-1, 0, 10));
  }
}
