package org.centralis.sla.infrastructure;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import org.centralis.shared.infrastructure.messaging.Messaging;

/** The SLA context's JMS destination, on the shared Artemis resource adapter (the broker auto-creates the address). */
@AdministeredObjectDefinition(
    name = SlaMessaging.SLA_EVENTS_TOPIC,
    interfaceName = "jakarta.jms.Topic",
    className = "org.apache.activemq.artemis.jms.client.ActiveMQTopic",
    resourceAdapter = Messaging.RESOURCE_ADAPTER,
    properties = {"Address=" + SlaMessaging.SLA_EVENTS_ADDRESS})
@Singleton
public class SlaMessaging {

  public static final String SLA_EVENTS_TOPIC = "java:app/jms/SlaEventsTopic";
  public static final String SLA_EVENTS_ADDRESS = "centralis.sla.events";
}
