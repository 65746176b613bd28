package org.centralis.ticket.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketType;

/** The active ticket categories, for the forms that log requests (reference data, not scoped). */
@Stateless
@PermitAll
public class TicketCatalog {

  @PersistenceContext private EntityManager em;

  /** Active categories of one type (or all when null), roots before their children. */
  public List<CategoryRef> categories(TicketType type) {
    return em.createNamedQuery("TicketCategory.findActive", TicketCategory.class).getResultList().stream()
        .filter(c -> type == null || c.getTicketType() == type)
        .map(
            c ->
                new CategoryRef(
                    c.getId(), c.getCode(), c.getTicketType().name(), c.getName(), c.getNameEn(), c.getParent() == null ? null : c.getParent().getId()))
        .toList();
  }
}
