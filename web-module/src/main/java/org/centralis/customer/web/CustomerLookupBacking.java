package org.centralis.customer.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.application.CustomerView;
import org.centralis.customer.domain.IdentifierKind;
import org.centralis.shared.web.Messages;

/**
 * Finding a customer by phone, ID-document number or account number. Identifiers stay masked;
 * "reveal" asks the directory for one plain value (an audited action) and shows it in this view
 * only.
 */
@Named
@ViewScoped
public class CustomerLookupBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CustomerDirectory directory;

  private IdentifierKind kind = IdentifierKind.PHONE;
  private String value;
  private List<CustomerView> results;
  private CustomerView selected;
  private final Map<String, String> revealed = new HashMap<>();

  public void search() {
    selected = null;
    revealed.clear();
    try {
      results = directory.lookup(kind, value);
      if (results.isEmpty()) {
        Messages.warn("customer.lookup.none");
      } else if (results.size() == 1) {
        selected = results.get(0);
      }
    } catch (RuntimeException e) {
      results = null;
      Messages.handle(e);
    }
  }

  public void select(CustomerView customer) {
    selected = customer;
  }

  /** Logs a request without a customer (anonymous inquiry). */
  public void clearSelection() {
    selected = null;
  }

  public void revealPhone(Long customerId) {
    reveal(customerId, IdentifierKind.PHONE, null);
  }

  public void revealIdNumber(Long customerId) {
    reveal(customerId, IdentifierKind.ID_NUMBER, null);
  }

  public void revealAccount(Long customerId, Long accountId) {
    reveal(customerId, IdentifierKind.ACCOUNT_NO, accountId);
  }

  private void reveal(Long customerId, IdentifierKind what, Long accountId) {
    try {
      revealed.put(key(customerId, what, accountId), directory.reveal(customerId, what, accountId));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** The plain phone if revealed in this view, else null. */
  public String revealedPhone(Long customerId) {
    return revealed.get(key(customerId, IdentifierKind.PHONE, null));
  }

  public String revealedIdNumber(Long customerId) {
    return revealed.get(key(customerId, IdentifierKind.ID_NUMBER, null));
  }

  public String revealedAccount(Long customerId, Long accountId) {
    return revealed.get(key(customerId, IdentifierKind.ACCOUNT_NO, accountId));
  }

  private static String key(Long customerId, IdentifierKind what, Long accountId) {
    return customerId + ":" + what + (accountId == null ? "" : ":" + accountId);
  }

  public IdentifierKind[] getKinds() {
    return IdentifierKind.values();
  }

  public IdentifierKind getKind() {
    return kind;
  }

  public void setKind(IdentifierKind kind) {
    this.kind = kind;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public List<CustomerView> getResults() {
    return results;
  }

  public CustomerView getSelected() {
    return selected;
  }

  public Long getSelectedId() {
    return selected == null ? null : selected.id();
  }
}
