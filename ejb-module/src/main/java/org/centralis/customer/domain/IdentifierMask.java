package org.centralis.customer.domain;

/**
 * Masking of customer identifiers as Chinese banks show them: enough to recognise a customer on
 * the phone ("the card ending 1234"), not enough to misuse.
 */
public final class IdentifierMask {

  private IdentifierMask() {}

  // Each rule shows a fixed number of characters (3 + 4, 6 + 4, 4 + 4): a value no longer than
  // that is hidden entirely, or the "mask" would show all of it.

  /** {@code 13812345678} → {@code 138****5678}. */
  public static String phone(String phone) {
    if (phone == null || phone.length() <= 7) {
      return stars(phone);
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  /** {@code 110101199003071234} → {@code 110101********1234} (birth date hidden). */
  public static String idNumber(String id) {
    if (id == null || id.length() <= 10) {
      return stars(id);
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }

  /** {@code 6222021234561234} → {@code 6222 **** **** 1234}. */
  public static String account(String account) {
    if (account == null || account.length() <= 8) {
      return stars(account);
    }
    return account.substring(0, 4) + " **** **** " + account.substring(account.length() - 4);
  }

  private static String stars(String s) {
    return s == null ? null : "*".repeat(s.length());
  }
}
