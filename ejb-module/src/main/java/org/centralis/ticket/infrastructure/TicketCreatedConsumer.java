package org.centralis.ticket.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.centralis.shared.infrastructure.messaging.Messaging;
import org.centralis.ticket.application.TicketDispatch;

/**
 * Dispatches newly logged tickets. Contract: thin — parse, call {@link TicketDispatch}, and
 * rethrow any failure so the broker redelivers and finally moves the message to the dead-letter
 * queue; processing a message twice changes nothing because dispatch is idempotent.
 *
 * <p>The message is not part of the dispatch's transaction (ADR 0019): {@link TicketDispatch} commits in a transaction
 * of the database alone, and the resource adapter acknowledges the message after {@code onMessage} returns, or rolls
 * its delivery back when it throws (so the broker redelivers it). A dispatch that committed just before a crash is
 * delivered again and changes nothing; a two-phase commit with the broker for every message would cost more than the
 * dispatch itself.
 *
 * <p>A message names the tickets one intake transaction logged ({@code ticketIds}), or one ticket ({@code ticketId}).
 * A batch that failed once is not tried again as a batch: it is split into one message per ticket, so a ticket that
 * keeps failing ends in the dead-letter queue alone and the others are dispatched.
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketCreatedConsumer implements MessageListener {

  static final String TICKET_IDS = "ticketIds";
  static final String TICKET_ID = "ticketId";

  @Inject private TicketDispatch dispatch;

  @Override
  public void onMessage(Message message) {
    try {
      String body = ((TextMessage) message).getText();
      JsonObject json = Json.createReader(new StringReader(body)).readObject();
      if (!json.containsKey(TICKET_IDS)) {
        dispatch.dispatchNew(json.getJsonNumber(TICKET_ID).longValueExact());
        return;
      }
      List<Long> ticketIds = json.getJsonArray(TICKET_IDS).getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValueExact).toList();
      if (message.getJMSRedelivered()) {
        dispatch.sendOneByOne(ticketIds);
      } else {
        dispatch.dispatchNew(ticketIds);
      }
    } catch (JMSException | ClassCastException e) {
      throw new IllegalArgumentException("unreadable ticket message " + message, e);
    }
  }
}
