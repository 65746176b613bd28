package org.centralis.customer.domain;

import java.util.Locale;

/** The identifiers a customer is looked up by; each is normalized before storing or searching. */
public enum IdentifierKind {
  PHONE,
  ID_NUMBER,
  ACCOUNT_NO;

  /** Removes separators people type (spaces, dashes) and upper-cases the ID's trailing X. */
  public String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    if (this == PHONE && s.startsWith("+86")) {
      s = s.substring(3);
    }
    return s;
  }

  /** How the identifier appears on screen for someone who has not revealed it. */
  public String mask(String value) {
    return switch (this) {
      case PHONE -> IdentifierMask.phone(value);
      case ID_NUMBER -> IdentifierMask.idNumber(value);
      case ACCOUNT_NO -> IdentifierMask.account(value);
    };
  }
}
