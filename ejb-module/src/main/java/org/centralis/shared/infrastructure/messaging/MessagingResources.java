package org.centralis.shared.infrastructure.messaging;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Defines the application's JMS resources on the Artemis resource adapter. The connection factory
 * is XA: a message sent inside a service's transaction is delivered only if the database work
 * commits too.
 */
@ConnectionFactoryDefinition(
    name = Messaging.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    transactionSupport = TransactionSupportLevel.XATransaction,
    maxPoolSize = 32,
    minPoolSize = 1,
    properties = {
      "ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory",
      "ConnectionParameters=host=${MPCONFIG=centralis.broker.host:127.0.0.1};port=${MPCONFIG=centralis.broker.port:61616}"
    })
@AdministeredObjectDefinition(
    name = Messaging.TICKET_CREATED_QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    properties = {"Address=" + Messaging.TICKET_CREATED_ADDRESS})
@AdministeredObjectDefinition(
    name = Messaging.DEAD_LETTER_QUEUE,
    interfaceName = "jakarta.jms.Queue",
    className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    properties = {"Address=" + Messaging.DEAD_LETTER_ADDRESS})
@Singleton
public class MessagingResources {}
