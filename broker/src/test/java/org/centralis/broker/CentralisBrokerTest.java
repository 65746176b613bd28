package org.centralis.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralisBrokerTest {

    @TempDir
    Path dataDir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void persistentMessageSurvivesRestart() throws Exception {
        int port = freePort();
        try (CentralisBroker broker = CentralisBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(CentralisBroker.TICKET_CREATED_QUEUE));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            p.send(s.createTextMessage("ticket-42"));
        }

        try (CentralisBroker broker = CentralisBroker.start(dataDir, "127.0.0.1", port);
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(CentralisBroker.TICKET_CREATED_QUEUE));
            TextMessage m = (TextMessage) consumer.receive(5000);
            assertNotNull(m, "persistent message lost across broker restart");
            assertEquals("ticket-42", m.getText());
        }
    }

    @Test
    void messageRolledBackThreeTimesGoesToDlq() throws Exception {
        try (CentralisBroker broker = CentralisBroker.start(dataDir, "127.0.0.1", freePort());
             ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(broker.url());
             Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = s.createQueue("centralis.test.poison");
            s.createProducer(q).send(s.createTextMessage("poison"));
            s.commit();

            MessageConsumer consumer = s.createConsumer(q);
            for (int attempt = 1; attempt <= CentralisBroker.MAX_DELIVERY_ATTEMPTS; attempt++) {
                TextMessage m = (TextMessage) consumer.receive(5000);
                assertNotNull(m, "delivery attempt " + attempt);
                assertEquals(attempt, m.getIntProperty("JMSXDeliveryCount"));
                s.rollback();
            }
            assertNull(consumer.receive(1500), "message should have left the queue after 3 attempts");
            consumer.close();

            MessageConsumer dlq = s.createConsumer(s.createQueue(CentralisBroker.DLQ));
            TextMessage dead = (TextMessage) dlq.receive(5000);
            assertNotNull(dead, "message not in DLQ");
            assertEquals("poison", dead.getText());
            s.commit();
        }
    }

    @Test
    void portClashFailsLoudly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> CentralisBroker.start(dataDir, "127.0.0.1", taken.getLocalPort()));
            assertNotNull(e.getMessage());
        }
    }
}
