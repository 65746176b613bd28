package org.centralis.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.centralis.shared.domain.CentralisException;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TicketCategoryTest {

  // FAULT_REPORT: FLT (50) > FLT-ATM (51) > FLT-ATM-CARD (1000); COMPLAINT: CMP (30).
  final TicketCategory faults = TicketCategory.root(50, TicketType.FAULT_REPORT, "FLT");
  final TicketCategory complaints = TicketCategory.root(30, TicketType.COMPLAINT, "CMP");
  final TicketCategory atm = TicketCategory.create(51, TicketType.FAULT_REPORT, faults, "FLT-ATM", "ATM故障", "ATM fault");
  final TicketCategory cardRetained = TicketCategory.create(1000, TicketType.FAULT_REPORT, atm, "FLT_ATM_CARD", "吞卡", "Card retained");

  static void fails(Class<? extends CentralisException> kind, String code, String field, Executable change) {
    CentralisException e = (CentralisException) assertThrows(kind, change);
    assertEquals(code, e.code());
    if (field != null) {
      assertEquals(field, ((InvalidInputException) e).field());
    }
  }

  @Test
  void aNewCategoryIsActiveUnderItsParent() {
    assertSame(atm, cardRetained.getParent());
    assertTrue(cardRetained.isActive());
    assertEquals(List.of(1000L, 51L, 50L), cardRetained.lineage());
    assertEquals("吞卡", cardRetained.name("zh"));
    assertEquals("Card retained", cardRetained.name("en"));
  }

  @Test
  void codesAreUpperCaseLettersDigitsUnderscoresAndDashes() {
    for (String bad : new String[] {null, "A", "flt-x", "FLT X", "FLT.X", "中文", "A".repeat(41)}) {
      fails(InvalidInputException.class, "invalid-category-code", "code", () -> TicketCategory.create(2000, TicketType.FAULT_REPORT, faults, bad, "n", "n"));
    }
    TicketCategory.create(2000, TicketType.FAULT_REPORT, faults, "IT_ADM-01", "n", "n");
    TicketCategory.create(2000, TicketType.FAULT_REPORT, faults, "A".repeat(40), "n", "n");
  }

  @Test
  void namesInBothLanguagesAreRequired() {
    fails(InvalidInputException.class, "category-name-required", "name", () -> TicketCategory.create(2000, TicketType.FAULT_REPORT, faults, "FLT-X", " ", "x"));
    fails(InvalidInputException.class, "category-name-required", "nameEn", () -> atm.rename("ATM", null));
    fails(InvalidInputException.class, "category-name-required", "nameEn", () -> atm.rename("ATM", "x".repeat(101)));
    atm.rename(" 自助设备故障 ", "Self-service device fault");
    assertEquals("自助设备故障", atm.getName());
  }

  @Test
  void aCategoryHasAParentOfItsOwnType() {
    fails(InvalidInputException.class, "category-root-fixed", "parentId", () -> TicketCategory.create(2000, TicketType.FAULT_REPORT, null, "FLT-X", "x", "x"));
    fails(InvalidInputException.class, "category-of-other-type", "parentId", () -> TicketCategory.create(2000, TicketType.FAULT_REPORT, complaints, "FLT-X", "x", "x"));
    fails(InvalidInputException.class, "category-of-other-type", "parentId", () -> cardRetained.moveUnder(complaints));
  }

  @Test
  void aRootStaysTheRootAndNothingElseBecomesOne() {
    faults.moveUnder(null);
    fails(InvalidInputException.class, "category-root-fixed", "parentId", () -> faults.moveUnder(atm));
    fails(InvalidInputException.class, "category-root-fixed", "parentId", () -> atm.moveUnder(null));
  }

  @Test
  void noCategoryMovesIntoItsOwnSubtree() {
    fails(InvalidInputException.class, "category-cycle", "parentId", () -> atm.moveUnder(atm));
    fails(InvalidInputException.class, "category-cycle", "parentId", () -> atm.moveUnder(cardRetained));
    cardRetained.moveUnder(faults);
    assertEquals(List.of(1000L, 50L), cardRetained.lineage());
    atm.moveUnder(faults);
  }

  @Test
  void deactivatingIsRefusedWhileAChildIsActive() {
    fails(ConflictException.class, "category-has-active-children", null, () -> atm.deactivate(1));
    cardRetained.deactivate(0);
    atm.deactivate(0);
    assertFalse(atm.isActive());
  }

  @Test
  void anActiveCategoryHasOnlyActiveAncestors() {
    cardRetained.deactivate(0);
    atm.deactivate(0);
    fails(ConflictException.class, "category-parent-inactive", null, () -> TicketCategory.create(2000, TicketType.FAULT_REPORT, atm, "FLT-X", "x", "x"));
    fails(ConflictException.class, "category-parent-inactive", null, cardRetained::activate);
    TicketCategory pos = TicketCategory.create(53, TicketType.FAULT_REPORT, faults, "FLT-POS", "POS", "POS");
    fails(ConflictException.class, "category-parent-inactive", null, () -> pos.moveUnder(atm));
    cardRetained.moveUnder(atm); // an inactive category may wait under an inactive parent
    atm.activate();
    cardRetained.activate();
    assertTrue(cardRetained.isActive());
  }
}
