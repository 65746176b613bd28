package org.centralis.quality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class WeightedScoreTest {

  private static final Map<Long, BigDecimal> FORM =
      Map.of(1L, new BigDecimal("20"), 2L, new BigDecimal("35"), 3L, new BigDecimal("20"), 4L, new BigDecimal("15"), 5L, new BigDecimal("10"));

  @Test
  void theScoreIsTheWeightedMeanOfThePoints() {
    assertEquals(new BigDecimal("100.00"), WeightedScore.of(FORM, Map.of(1L, 100, 2L, 100, 3L, 100, 4L, 100, 5L, 100)));
    // (20*80 + 35*60 + 20*100 + 15*40 + 10*0) / 100 = 63
    assertEquals(new BigDecimal("63.00"), WeightedScore.of(FORM, Map.of(1L, 80, 2L, 60, 3L, 100, 4L, 40, 5L, 0)));
    // weights need not add up to 100: (1*1 + 2*0) / 3 = 0.33
    assertEquals(new BigDecimal("0.33"), WeightedScore.of(Map.of(1L, BigDecimal.ONE, 2L, new BigDecimal("2")), Map.of(1L, 1, 2L, 0)));
  }

  @Test
  void everyCriterionIsMarkedWithinZeroToHundred() {
    assertThrows(InvalidInputException.class, () -> WeightedScore.of(FORM, Map.of(1L, 100)));
    assertThrows(InvalidInputException.class, () -> WeightedScore.of(FORM, Map.of(1L, 100, 2L, 100, 3L, 100, 4L, 100, 5L, 100, 6L, 1)));
    assertThrows(InvalidInputException.class, () -> WeightedScore.of(FORM, Map.of(1L, 101, 2L, 100, 3L, 100, 4L, 100, 5L, 100)));
    assertThrows(InvalidInputException.class, () -> WeightedScore.of(FORM, Map.of(1L, -1, 2L, 100, 3L, 100, 4L, 100, 5L, 100)));
  }
}
