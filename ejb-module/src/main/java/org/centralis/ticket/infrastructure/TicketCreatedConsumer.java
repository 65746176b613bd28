package org.centralis.ticket.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.centralis.shared.infrastructure.messaging.Messaging;
import org.centralis.ticket.application.TicketDispatch;

/**
 * Dispatches each newly logged ticket. Contract: thin — parse, call {@link TicketDispatch}, and
 * rethrow any failure so the broker redelivers and finally moves the message to the dead-letter
 * queue; processing a message twice changes nothing because dispatch is idempotent.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.TICKET_CREATED_ADDRESS),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"),
      @ActivationConfigProperty(propertyName = "connectionParameters", propertyValue = "host=${MPCONFIG=centralis.broker.host:127.0.0.1};port=${MPCONFIG=centralis.broker.port:61616}"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class TicketCreatedConsumer implements MessageListener {

  @Inject private TicketDispatch dispatch;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      JsonObject json = Json.createReader(new StringReader(body)).readObject();
      dispatch.dispatchNew(json.getJsonNumber("ticketId").longValueExact());
    } catch (JMSException | ClassCastException e) {
      throw new IllegalArgumentException("unreadable ticket message " + message, e);
    }
  }
}
