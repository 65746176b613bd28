package org.centralis.customer.application;

import java.util.List;
import org.centralis.customer.domain.Customer;
import org.centralis.customer.domain.IdentifierKind;

/** A customer as shown to staff: identifiers masked. */
public record CustomerView(
    Long id,
    String customerNo,
    String name,
    String kind,
    String tier,
    Long branchId,
    String maskedPhone,
    String idType,
    String maskedIdNumber,
    List<AccountView> accounts) {

  /** One account with its number masked. */
  public record AccountView(Long id, String product, String maskedAccountNo, String status) {}

  static CustomerView of(Customer c) {
    return new CustomerView(
        c.getId(),
        c.getCustomerNo(),
        c.getName(),
        c.getKind(),
        c.getTier().name(),
        c.getBranchId(),
        IdentifierKind.PHONE.mask(c.getPhone()),
        c.getIdType(),
        IdentifierKind.ID_NUMBER.mask(c.getIdNumber()),
        c.getAccounts().stream()
            .map(a -> new AccountView(a.getId(), a.getProduct(), IdentifierKind.ACCOUNT_NO.mask(a.getAccountNo()), a.getStatus()))
            .toList());
  }
}
