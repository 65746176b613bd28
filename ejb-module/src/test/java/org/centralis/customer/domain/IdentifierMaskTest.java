package org.centralis.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class IdentifierMaskTest {

  @Test
  void mobilePhoneShowsPrefixAndLastFour() {
    assertEquals("138****5678", IdentifierMask.phone("13812345678"));
  }

  @Test
  void residentIdHidesTheBirthDate() {
    assertEquals("110101********1234", IdentifierMask.idNumber("110101199003071234"));
    assertEquals("110101********123X", IdentifierMask.idNumber("11010119900307123X"));
    // The old 15-digit card: 6 + 5 hidden + 4.
    assertEquals("110101*****7123", IdentifierMask.idNumber("110101900307123"));
  }

  @Test
  void accountShowsFirstAndLastFourInGroups() {
    assertEquals("6222 **** **** 1234", IdentifierMask.account("6222021234561234"));
    assertEquals("6222 **** **** 0123", IdentifierMask.account("6222021234567890123"));
  }

  @Test
  void nullStaysNull() {
    assertNull(IdentifierMask.phone(null));
    assertNull(IdentifierMask.idNumber(null));
    assertNull(IdentifierMask.account(null));
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "PHONE,      '',            ''",
        "PHONE,      1,             *",
        "PHONE,      123456,        ******",
        "PHONE,      1234567,       *******",
        "PHONE,      62345678,      623****5678",
        "ID_NUMBER,  123456789,     *********",
        "ID_NUMBER,  1234567890,    **********",
        "ID_NUMBER,  12345678901,   123456*8901",
        "ACCOUNT_NO, 1234567,       *******",
        "ACCOUNT_NO, 12345678,      ********",
        "ACCOUNT_NO, 123456789,     1234 **** **** 6789",
      })
  void shortValuesAreHiddenEntirely(IdentifierKind kind, String value, String masked) {
    assertEquals(masked, kind.mask(value));
  }

  /** Whatever the length, a masked value never shows every character of the original. */
  @ParameterizedTest
  @EnumSource(IdentifierKind.class)
  void neverRevealsTheWholeValue(IdentifierKind kind) {
    String digits = "9876543210987654321098765";
    for (int length = 1; length <= digits.length(); length++) {
      String value = digits.substring(0, length);
      String masked = kind.mask(value);
      long shown = masked.chars().filter(Character::isDigit).count();
      assertTrue(shown < length, kind + " of length " + length + " shows everything: " + masked);
    }
  }

  @Test
  void kindsMaskWithTheirOwnRule() {
    assertEquals("138****5678", IdentifierKind.PHONE.mask("13812345678"));
    assertEquals("110101********1234", IdentifierKind.ID_NUMBER.mask("110101199003071234"));
    assertEquals("6222 **** **** 1234", IdentifierKind.ACCOUNT_NO.mask("6222021234561234"));
    assertNull(IdentifierKind.PHONE.mask(null));
  }
}
