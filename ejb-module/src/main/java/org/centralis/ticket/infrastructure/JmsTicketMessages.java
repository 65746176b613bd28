package org.centralis.ticket.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.DeliveryMode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.centralis.shared.infrastructure.messaging.Messaging;
import org.centralis.ticket.application.TicketMessages;

/** Sends ticket messages as small JSON over the XA connection factory, inside the caller's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JmsTicketMessages implements TicketMessages {

  // A JMSContext from the resource adapter's pooled factory joins the container transaction.
  // (Payara's @JMSConnectionFactory injection only knows its own JMS resources, not connectors.)
  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = Messaging.TICKET_CREATED_QUEUE)
  private Queue ticketCreated;

  @Override
  public void ticketsCreated(List<Long> ticketIds) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    ticketIds.forEach(ids::add);
    send(Json.createObjectBuilder().add(TicketCreatedConsumer.TICKET_IDS, ids).build().toString());
  }

  @Override
  public void ticketCreated(long ticketId) {
    send(Json.createObjectBuilder().add(TicketCreatedConsumer.TICKET_ID, ticketId).build().toString());
  }

  private void send(String body) {
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(ticketCreated, body);
    }
  }
}
