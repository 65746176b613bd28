package org.centralis.customer.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.domain.Customer;
import org.centralis.customer.domain.IdentifierKind;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * Finding customers and reading their data. Every read is limited to the caller's branch subtree
 * and written to the audit trail; identifiers leave this service masked unless a caller reveals
 * one, which is a separate audited action.
 */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class CustomerDirectory {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditTrail auditTrail;

  /** Exact lookup by phone, ID-document number or account number. */
  public List<CustomerView> lookup(@NotNull IdentifierKind kind, @NotBlank @Size(max = 40) String value) {
    Caller caller = currentCaller.get();
    String normalized = kind.normalize(value);
    String query =
        switch (kind) {
          case PHONE -> "Customer.findByPhone";
          case ID_NUMBER -> "Customer.findByIdNumber";
          case ACCOUNT_NO -> "Customer.findByAccountNo";
        };
    List<Customer> found =
        em.createNamedQuery(query, Customer.class)
            .setParameter("value", normalized)
            .setParameter("scope", caller.branchPath() + "%")
            .setMaxResults(20)
            .getResultList();
    List<CustomerView> views = found.stream().map(CustomerView::of).toList();
    auditTrail.record(
        new AuditEntry(
            "CUSTOMER_LOOKUP",
            "CUSTOMER",
            found.stream().map(Customer::getCustomerNo).collect(Collectors.joining(",")),
            kind + " " + kind.mask(normalized),
            found.size() + " found"));
    return views;
  }

  /** The masked profile of one customer in the caller's scope. */
  public CustomerView profile(@NotNull Long customerId) {
    Customer c = visible(customerId);
    auditTrail.record(AuditEntry.of("CUSTOMER_VIEWED", "CUSTOMER", c.getCustomerNo()));
    return CustomerView.of(c);
  }

  /**
   * Reveals one identifier in plain text. {@code accountId} names the account when the kind is
   * ACCOUNT_NO.
   */
  public String reveal(@NotNull Long customerId, @NotNull IdentifierKind kind, Long accountId) {
    Customer c = visible(customerId);
    String accountNo =
        accountId == null
            ? null
            : c.getAccounts().stream()
                .filter(a -> a.getId().equals(accountId))
                .map(a -> a.getAccountNo())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("account", accountId));
    String value = c.identifier(kind, accountNo);
    if (value == null) {
      throw new NotFoundException("identifier", kind);
    }
    auditTrail.record(
        new AuditEntry(
            "CUSTOMER_IDENTIFIER_REVEALED", "CUSTOMER", c.getCustomerNo(), null, kind + " " + kind.mask(value)));
    return value;
  }

  /**
   * What other contexts may know of a customer (for a ticket): no identifiers, so unaudited;
   * empty when the customer does not exist or lies outside the caller's scope.
   */
  @RolesAllowed({
    Role.BRANCH_STAFF_NAME,
    Role.AGENT_NAME,
    Role.SUPERVISOR_NAME,
    Role.HQ_MANAGER_NAME,
    Role.AUDITOR_NAME,
    Role.ADMIN_NAME
  })
  public Optional<CustomerRef> reference(@NotNull Long customerId) {
    return Optional.ofNullable(em.find(Customer.class, customerId))
        .filter(c -> currentCaller.get().canSee(c.getBranchPath()))
        .map(c -> new CustomerRef(c.getId(), c.getCustomerNo(), c.getName(), c.getTier().name()));
  }

  /** The service tier, for routing and dispatch rules (system callers, no scope: not sensitive). */
  @PermitAll
  public String tierOf(@NotNull Long customerId) {
    Customer c = em.find(Customer.class, customerId);
    return c == null ? null : c.getTier().name();
  }

  /** The customer's language (zh, en), for dispatch rules (system callers, no scope: not sensitive). */
  @PermitAll
  public String languageOf(@NotNull Long customerId) {
    Customer c = em.find(Customer.class, customerId);
    return c == null ? null : c.getLanguage();
  }

  private Customer visible(Long customerId) {
    Customer c = em.find(Customer.class, customerId);
    if (c == null || !currentCaller.get().canSee(c.getBranchPath())) {
      throw new NotFoundException("customer", customerId);
    }
    return c;
  }
}
