package org.centralis.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Payara Micro running the same WAR on the same database (H2 AUTO_SERVER: the first process serves the
 * file to the others) and the same broker and SMTP server as the node Arquillian started: the two-node cluster of
 * production, on one machine. Started like {@code run.sh} starts a node, without demo data (the database has it).
 */
public final class SecondNode implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(900);

  private final Process process;
  private final URL base;
  private final Path log;

  private SecondNode(Process process, URL base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** Starts the node next to the one at {@code first}, under the same context root, and waits until it is ready. */
  public static SecondNode start(URL first) throws Exception {
    Path dir = Path.of(System.getProperty("centralis.it.data"), "node2").toAbsolutePath();
    Files.createDirectories(dir);
    int port = ItRuntime.freePort();
    String context = first.getPath().replaceAll("^/+|/+$", "");
    Path log = dir.resolve("payara.log");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseG1GC", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-Dcentralis.broker.port=" + System.getProperty("centralis.broker.port"),
        "-Dcentralis.db.url=" + System.getProperty("centralis.it.jdbc"),
        "-Dcentralis.mail.enabled=true", "-Dcentralis.mail.host=127.0.0.1",
        "-Dcentralis.mail.port=" + System.getProperty("centralis.it.smtp.port"),
        "-jar", Path.of(System.getProperty("centralis.runtime"), "payara-micro.jar").toAbsolutePath().toString(),
        "--nocluster", "--port", String.valueOf(port), "--rootdir", dir.resolve("root").toString(),
        "--postbootcommandfile", System.getProperty("centralis.postboot"),
        "--deploy", Path.of(System.getProperty("centralis.war")).toAbsolutePath().toString(),
        "--contextroot", context.isEmpty() ? "/" : context);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    URL base = new URL(first.getProtocol(), first.getHost(), port, first.getPath());
    SecondNode node = new SecondNode(process, base, log);
    node.awaitReady(port);
    return node;
  }

  /** The base URL of this node's application, as Arquillian gives the first node's. */
  public URL base() {
    return base;
  }

  private void awaitReady(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the second node stopped during start-up; see " + log);
      }
      try {
        // Payara's own readiness is UP before the application is deployed: wait for the application's check too.
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"database\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1_000);
    }
    close();
    throw new IllegalStateException("the second node was not ready in " + START_LIMIT + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
