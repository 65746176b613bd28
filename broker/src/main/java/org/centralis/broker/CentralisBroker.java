package org.centralis.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.server.RemotingService;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

/**
 * Small standalone ActiveMQ Artemis broker for Centralis.
 *
 * <p>Used as a separate JVM by the run script ({@code java -jar centralis-broker.jar}) and in-process by
 * integration tests ({@link #start(Path, String, int)}). The configuration is programmatic (no broker.xml).
 */
public final class CentralisBroker implements AutoCloseable {

    /** Queue on which a ticket-created event is published. */
    public static final String TICKET_CREATED_QUEUE = "centralis.ticket.created";
    public static final String DLQ = "DLQ";
    public static final String EXPIRY_QUEUE = "ExpiryQueue";
    public static final int MAX_DELIVERY_ATTEMPTS = 3;
    public static final long REDELIVERY_DELAY_MS = 1000;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 61616;
    public static final String DEFAULT_DATA_DIR = "./data/broker";

    /**
     * Journal flush timer. Artemis' NIO default is 3.33 ms: every synchronous persistent send or
     * transaction commit waits for that timer, capping one sender at ~280 msg/s. 100 µs keeps fsync on
     * every commit/persistent send (no loss on kill -9) while batching far less wait per message.
     */
    static final int JOURNAL_BUFFER_TIMEOUT_NS = 100_000;

    private static final Logger LOG = Logger.getLogger(CentralisBroker.class.getName());

    /**
     * Artemis' audit loggers log every send/consume/ack at INFO once an SLF4J binding is present: keep them
     * at WARNING (strong reference: JUL holds loggers weakly and would forget the level).
     */
    private static final Logger AUDIT_LOG = Logger.getLogger("org.apache.activemq.audit");

    static {
        if (System.getProperty("centralis.broker.audit") == null) {
            AUDIT_LOG.setLevel(Level.WARNING);
        }
    }

    private final EmbeddedActiveMQ embedded;
    private final String host;
    private final int port;
    private final Path dataDir;
    private volatile boolean stopped;

    private CentralisBroker(EmbeddedActiveMQ embedded, Path dataDir, String host, int port) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a broker whose journal, bindings, paging and large messages live under {@code dataDir}, with
     * a single core/JMS acceptor on {@code host:port}.
     *
     * @throws IllegalStateException if the acceptor could not bind (port taken, bad host), so that a port
     *                               clash never passes silently
     */
    public static CentralisBroker start(Path dataDir, String host, int port) throws Exception {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        // Artemis logs a failed bind but keeps running without the acceptor: check first for a clear error.
        assertPortFree(host, port);

        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration(dir, host, port));
        embedded.start();
        CentralisBroker broker = new CentralisBroker(embedded, dir, host, port);
        try {
            broker.assertAcceptorStarted();
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    static Configuration configuration(Path dir, String host, int port) throws Exception {
        ConfigurationImpl c = new ConfigurationImpl();
        c.setName("centralis-broker");
        c.setPersistenceEnabled(true);
        // Security disabled: the acceptor binds to loopback only (127.0.0.1 by default), so only processes
        // on this machine (Payara on the same host, tests) can connect; there is no user store to manage.
        // Binding to a non-loopback host would need security enabled and credentials in the RA config.
        c.setSecurityEnabled(false);
        c.setJMXManagementEnabled(false); // several brokers may run in one test JVM over time
        c.setGracefulShutdownEnabled(false);

        // libaio is not installed on our machines: use NIO explicitly instead of a silent fallback.
        c.setJournalType(JournalType.NIO);
        c.setJournalDirectory(dir.resolve("journal").toString());
        c.setBindingsDirectory(dir.resolve("bindings").toString());
        c.setPagingDirectory(dir.resolve("paging").toString());
        c.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        c.setNodeManagerLockDirectory(dir.resolve("journal").toString());
        c.setCreateBindingsDir(true);
        c.setCreateJournalDir(true);
        // Durability: fsync before acknowledging a commit or a persistent (blocking) send.
        c.setJournalSyncTransactional(true);
        c.setJournalSyncNonTransactional(true);
        c.setJournalDatasync(true);
        c.setJournalBufferTimeout_NIO(JOURNAL_BUFFER_TIMEOUT_NS);
        c.setJournalBufferTimeout_AIO(JOURNAL_BUFFER_TIMEOUT_NS);

        c.addAcceptorConfiguration("netty", "tcp://" + hostForUri(host) + ":" + port
                + "?protocols=CORE;tcpNoDelay=true");

        AddressSettings all = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DLQ))
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE))
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(REDELIVERY_DELAY_MS)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
        c.addAddressSetting("#", all);

        c.addQueueConfiguration(anycast(TICKET_CREATED_QUEUE));
        c.addQueueConfiguration(anycast(DLQ));
        c.addQueueConfiguration(anycast(EXPIRY_QUEUE));
        return c;
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void assertPortFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind broker acceptor to " + host + ":" + port
                    + " (port already in use?): " + e.getMessage(), e);
        }
    }

    private void assertAcceptorStarted() {
        ActiveMQServer server = embedded.getActiveMQServer();
        if (server == null || !server.isActive()) {
            throw new IllegalStateException("Artemis broker did not become active (see log above)");
        }
        RemotingService remoting = server.getRemotingService();
        Acceptor acceptor = remoting == null ? null : remoting.getAcceptor("netty");
        if (acceptor == null || !acceptor.isStarted()) {
            throw new IllegalStateException("Artemis acceptor on " + host + ":" + port
                    + " did not start (port already in use?)");
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Core/JMS client URL of this broker, e.g. {@code tcp://127.0.0.1:61616}. */
    public String url() {
        return "tcp://" + hostForUri(host) + ":" + port;
    }

    /** The embedded Artemis server (for tests: queue counts, management). */
    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    public synchronized void stop() throws Exception {
        if (stopped) {
            return;
        }
        stopped = true;
        embedded.stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public static void main(String[] args) {
        Path dataDir = Paths.get(DEFAULT_DATA_DIR);
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Paths.get(value(args, ++i, a));
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.println("Usage: java -jar centralis-broker.jar [--data-dir DIR] [--host HOST] [--port PORT]");
                        System.out.println("Defaults: --data-dir " + DEFAULT_DATA_DIR + " --host " + DEFAULT_HOST
                                + " --port " + DEFAULT_PORT);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown argument: " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("centralis-broker: " + e.getMessage());
            System.exit(2);
            return;
        }

        CentralisBroker broker;
        try {
            broker = start(dataDir, host, port);
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "Centralis broker failed to start", e);
            System.err.println("Centralis broker failed to start: " + e.getMessage());
            System.err.flush();
            System.exit(1);
            return;
        }

        CountDownLatch stoppedLatch = new CountDownLatch(1);
        CentralisBroker b = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                b.stop();
                System.out.println("Centralis broker stopped");
            } catch (Throwable e) {
                System.err.println("Centralis broker stop failed: " + e);
            } finally {
                stoppedLatch.countDown();
            }
        }, "centralis-broker-shutdown"));

        System.out.println("Centralis broker ready on " + host + ":" + port);
        System.out.flush();
        try {
            stoppedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + option);
        }
        return args[i];
    }
}
