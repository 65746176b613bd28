package org.centralis.acd.infrastructure;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.centralis.acd.application.CustomerTiers;

/**
 * Reads a customer's tier by primary key. A plain read of one column, without the customer
 * directory's audit entry: the tier is not an identifier, and the CTI role may not read profiles.
 */
@Stateless
public class JpaCustomerTiers implements CustomerTiers {

  @PersistenceContext private EntityManager em;

  @Override
  public Optional<String> tierOf(long customerId) {
    List<?> tier = em.createNativeQuery("SELECT TIER FROM CUSTOMER WHERE ID = ?").setParameter(1, customerId).getResultList();
    return tier.stream().findFirst().map(Object::toString);
  }
}
