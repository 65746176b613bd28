package org.centralis.shared.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.centralis.shared.security.Role;

/**
 * The dead-letter queue as administrators see it: messages that failed their last delivery
 * attempt, kept by the broker instead of being dropped.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class DeadLetters {

  /** One dead message: its id, the address it was sent to, when, how often it was tried, its body. */
  public record DeadLetter(String messageId, String originalAddress, Instant sentAt, int deliveryCount, String body) {}

  private static final int MAX_SHOWN = 200;

  @Resource(lookup = Messaging.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource(lookup = Messaging.DEAD_LETTER_QUEUE)
  private Queue deadLetterQueue;

  public List<DeadLetter> list() {
    List<DeadLetter> result = new ArrayList<>();
    try (JMSContext jms = connectionFactory.createContext();
        QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
      for (Message m : Collections.list((java.util.Enumeration<Message>) browser.getEnumeration())) {
        if (result.size() >= MAX_SHOWN) {
          break;
        }
        result.add(
            new DeadLetter(
                m.getJMSMessageID(),
                m.getStringProperty("_AMQ_ORIG_ADDRESS"),
                Instant.ofEpochMilli(m.getJMSTimestamp()),
                m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0,
                m instanceof TextMessage t ? t.getText() : m.getClass().getSimpleName()));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot browse the dead-letter queue", e);
    }
    return result;
  }
}
