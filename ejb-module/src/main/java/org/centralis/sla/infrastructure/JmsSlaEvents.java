package org.centralis.sla.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.Json;
import org.centralis.shared.infrastructure.messaging.Messaging;
import org.centralis.sla.application.SlaEventPublisher;
import org.centralis.sla.domain.SlaEvent;

/**
 * Publishes each fired SLA step as small JSON on the topic {@value SlaMessaging#SLA_EVENTS_ADDRESS},
 * inside the firing transaction (XA): the message leaves only if the step commits. A topic, because
 * the in-app work (inbox, escalation) is done by the sweeper itself; subscribers are integrations.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JmsSlaEvents implements SlaEventPublisher {

  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = SlaMessaging.SLA_EVENTS_TOPIC)
  private Topic topic;

  @Override
  public void published(SlaEvent e) {
    String body =
        Json.createObjectBuilder()
            .add("ticketNo", e.getTicketNo())
            .add("metric", e.getMetric().name())
            .add("cycle", e.getCycle())
            .add("kind", e.getKind().name())
            .add("seq", e.getSeq())
            .add("dueAt", e.getDueAt().toString())
            .add("firedAt", e.getFiredAt().toString())
            .build()
            .toString();
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(topic, body);
    }
  }
}
