package org.centralis.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class IdentifierKindTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE      | 13812345678              | 13812345678",
        "PHONE      | 138 1234 5678            | 13812345678",
        "PHONE      | 138-1234-5678            | 13812345678",
        "PHONE      | '138\t1234 5678'         | 13812345678",
        "PHONE      | +8613812345678           | 13812345678",
        "PHONE      | +86 138-1234-5678        | 13812345678",
        "PHONE      | 010-6234-5678            | 01062345678",
        "PHONE      | 8613812345678            | 8613812345678",
        "ID_NUMBER  | 11010119900307123x       | 11010119900307123X",
        "ID_NUMBER  | 110101 19900307 123X     | 11010119900307123X",
        "ID_NUMBER  | 110101-19900307-1234     | 110101199003071234",
        "ID_NUMBER  | +86110101199003071234    | +86110101199003071234",
        "ACCOUNT_NO | 6222 0212 3456 1234      | 6222021234561234",
        "ACCOUNT_NO | 6222-0212-3456-1234      | 6222021234561234",
        "ACCOUNT_NO | +866222021234561234      | +866222021234561234",
      })
  void normalizeRemovesSeparatorsAndCountryCodeAndUpperCases(IdentifierKind kind, String raw, String expected) {
    assertEquals(expected, kind.normalize(raw));
  }

  @ParameterizedTest
  @EnumSource(IdentifierKind.class)
  void normalizeKeepsNull(IdentifierKind kind) {
    assertNull(kind.normalize(null));
  }

  @ParameterizedTest
  @EnumSource(IdentifierKind.class)
  void normalizeIsIdempotent(IdentifierKind kind) {
    for (String raw : new String[] {"+86 138-1234-5678", "11010119900307123x", "6222 0212 3456 1234"}) {
      String once = kind.normalize(raw);
      assertEquals(once, kind.normalize(once), raw);
    }
  }

  @Test
  void typedPhoneIsMaskedAfterNormalizing() {
    IdentifierKind k = IdentifierKind.PHONE;
    assertEquals("138****5678", k.mask(k.normalize("+86 138-1234-5678")));
  }
}
