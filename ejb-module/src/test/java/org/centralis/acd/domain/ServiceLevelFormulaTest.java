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

  @Test
  void queuesWithDifferentFormulasAddUpByNumeratorAndDenominator() {
    // Queue A (excluded): 8 of 10 within, 2 short abandons; queue B (met): 5 of 10 within, 3 short abandons.
    long met = ServiceLevelFormula.ABANDONS_EXCLUDED.numerator(8, 2) + ServiceLevelFormula.ABANDONS_MET.numerator(5, 3);
    long counted = ServiceLevelFormula.ABANDONS_EXCLUDED.denominator(2, 12) + ServiceLevelFormula.ABANDONS_MET.denominator(3, 13);
    assertEquals((8.0 + 8) / (10 + 13), (double) met / counted, 1e-12);
    assertEquals(ServiceLevelFormula.ABANDONS_MISSED.of(5, 3, 13),
        (double) ServiceLevelFormula.ABANDONS_MISSED.numerator(5, 3) / ServiceLevelFormula.ABANDONS_MISSED.denominator(3, 13), 1e-12);
    assertEquals("(w + CASE WHEN f = 'ABANDONS_MET' THEN a ELSE 0 END)", ServiceLevelFormula.sqlNumerator("f", "w", "a"));
    assertEquals("(o - CASE WHEN f = 'ABANDONS_EXCLUDED' THEN a ELSE 0 END)", ServiceLevelFormula.sqlDenominator("f", "a", "o"));
  }
}
