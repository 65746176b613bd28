package org.centralis.sla.application;

import org.centralis.sla.domain.SlaEvent;

/** Port: publishes a fired SLA step to other systems (JMS topic centralis.sla.events), inside the firing transaction. */
public interface SlaEventPublisher {

  void published(SlaEvent event);
}
