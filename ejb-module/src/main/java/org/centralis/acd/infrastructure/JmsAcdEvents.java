package org.centralis.acd.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.acd.application.AcdEvent;
import org.centralis.shared.infrastructure.messaging.Messaging;

/**
 * Publishes each committed {@link AcdEvent} (handed over by {@link AcdEventRelay}) to the topic {@value AcdMessaging#EVENTS_ADDRESS}, after
 * the commit and non-persistent: events are notifications of state that lives in the database (a
 * PBX adapter that missed some reads the state back from the API), so the routing transaction pays
 * neither a two-phase commit nor a journal flush for them. A failed send is logged, never undoes
 * the change.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsAcdEvents {

  private static final Logger LOG = Logger.getLogger(JmsAcdEvents.class.getName());

  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = AcdMessaging.EVENTS_TOPIC)
  private Topic events;

  public void publish(AcdEvent event) {
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(events, event.toJson());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ACD event not published: " + event.toJson(), e);
    }
  }
}
