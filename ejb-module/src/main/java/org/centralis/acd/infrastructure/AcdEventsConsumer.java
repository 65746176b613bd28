package org.centralis.acd.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.centralis.acd.application.AcdEventDelivered;
import org.centralis.shared.infrastructure.messaging.Messaging;

/**
 * Feeds every ACD event of every node to this node's live listeners (the SSE stream). Contract:
 * one non-durable subscription per node (maxSession 1, so no copy twice); a listener's failure is
 * rethrown. Events missed while a node is down are not replayed: the state is in the database.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = AcdMessaging.EVENTS_ADDRESS),
      @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"),
      @ActivationConfigProperty(propertyName = "connectionParameters", propertyValue = "host=${MPCONFIG=centralis.broker.host:127.0.0.1};port=${MPCONFIG=centralis.broker.port:61616}"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class AcdEventsConsumer implements MessageListener {

  @Inject private Event<AcdEventDelivered> delivered;

  @Override
  public void onMessage(Message message) {
    try {
      delivered.fire(new AcdEventDelivered(((TextMessage) message).getText()));
    } catch (JMSException | ClassCastException e) {
      throw new IllegalArgumentException("unreadable ACD event " + message, e);
    }
  }
}
