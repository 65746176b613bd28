package org.centralis.shared.infrastructure.messaging;

/**
 * Names of the JMS resources, shared by senders, consumers and the health check. The connection
 * factory and queues are defined by annotations on {@link MessagingResources}; the broker behind
 * them is chosen by MicroProfile Config ({@code centralis.broker.host}, {@code .port}).
 */
public final class Messaging {

  /** The deployed name of the Artemis resource adapter (artemis-rar module). */
  public static final String RESOURCE_ADAPTER = "centralis-artemis-ra";

  public static final String CONNECTION_FACTORY = "java:app/jms/CentralisConnectionFactory";

  public static final String TICKET_CREATED_QUEUE = "java:app/jms/TicketCreatedQueue";
  public static final String TICKET_CREATED_ADDRESS = "centralis.ticket.created";

  public static final String DEAD_LETTER_QUEUE = "java:app/jms/DeadLetterQueue";
  public static final String DEAD_LETTER_ADDRESS = "DLQ";

  private Messaging() {}
}
