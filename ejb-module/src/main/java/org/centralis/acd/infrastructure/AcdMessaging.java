package org.centralis.acd.infrastructure;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import org.centralis.shared.infrastructure.messaging.Messaging;

/**
 * The ACD's JMS topic {@value #EVENTS_ADDRESS}: outbound events for the PBX adapter and the live
 * screens of every node. Defined here (not in the shared resources) so that the ACD owns it.
 */
@AdministeredObjectDefinition(
    name = AcdMessaging.EVENTS_TOPIC,
    interfaceName = "jakarta.jms.Topic",
    className = "org.apache.activemq.artemis.jms.client.ActiveMQTopic",
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    properties = {"Address=" + AcdMessaging.EVENTS_ADDRESS})
@Singleton
public class AcdMessaging {

  public static final String EVENTS_TOPIC = "java:app/jms/AcdEventsTopic";
  public static final String EVENTS_ADDRESS = "centralis.acd.events";
}
