package org.centralis.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The checks a contact-center daily run needs before it is queued (docs/reporting.md): the queue, if given, is a
 * known queue code; and the run's scope holds the contact center — at least one ACD seat (ACD_AGENT_STATE) in the
 * subtree. Queues are a headquarters resource shared by every branch, so a scope without seats (a region or a city
 * branch) has no contact-center figures of its own and is refused, rather than shown the whole center's.
 */
@ApplicationScoped
public class ContactCenterScope {

  @PersistenceContext private EntityManager em;

  /** Throws 400 problem+json ({@code invalid-parameter} on queue, {@code no-contact-center} on branch) when the run cannot be made. */
  public void check(String code, RunParameters parameters, String scopePath) {
    if (!ReportCatalog.CONTACT_CENTER_DAILY.equals(code)) {
      return;
    }
    if (parameters.queue() != null && count("SELECT COUNT(*) FROM ACD_QUEUE WHERE CODE = ?", parameters.queue()) == 0) {
      throw new InvalidInputException("queue", "invalid-parameter", "no contact-center queue " + parameters.queue(), parameters.queue());
    }
    if (count("SELECT COUNT(*) FROM ACD_AGENT_STATE WHERE BRANCH_PATH LIKE ?", scopePath + "%") == 0) {
      throw new InvalidInputException("branch", "no-contact-center",
          "the contact center has no seats in this branch subtree; run the report for the headquarters (or the branch that holds the seats)", scopePath);
    }
  }

  private long count(String sql, String value) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, value).getSingleResult()).longValue();
  }
}
