package org.centralis.customer.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.centralis.customer.application.Customer360;
import org.centralis.customer.application.Customer360View;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.domain.IdentifierKind;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.web.Messages;

/**
 * The customer 360 page (/customers/360.xhtml?id=…): masked profile and accounts with the audited
 * reveal of one identifier, the customer's tickets the user may see and the open complaints.
 */
@Named
@ViewScoped
public class Customer360Backing implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Customer360 customer360;
  @Inject private CustomerDirectory directory;

  private Long id;
  private Customer360View view;
  private final Map<String, String> revealed = new HashMap<>();

  public void load() {
    if (id == null) {
      return;
    }
    try {
      view = customer360.of(id);
    } catch (NotFoundException e) {
      view = null;
    } catch (RuntimeException e) {
      view = null;
      Messages.handle(e);
    }
  }

  public void reveal(String kind, Long accountId) {
    IdentifierKind k = IdentifierKind.valueOf(kind);
    try {
      revealed.put(kind + ":" + accountId, directory.reveal(id, k, accountId));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** The plain value if revealed on this page, else null. */
  public String revealed(String kind, Long accountId) {
    return revealed.get(kind + ":" + accountId);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Customer360View getView() {
    return view;
  }
}
