package org.centralis.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.centralis.broker.CentralisBroker;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The runtime the integration tests need besides Payara Micro, started once per test JVM before
 * Arquillian starts any container: the Artemis broker, and the post-boot command file that deploys
 * the resource adapter before the WAR under test (Arquillian always deploys its WAR first). Only
 * active under failsafe, which sets {@code centralis.it.data}.
 */
public class ItRuntime implements LauncherSessionListener {

  private static CentralisBroker broker;
  private static GreenMail mail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String data = System.getProperty("centralis.it.data");
    if (data == null || broker != null) {
      return;
    }
    try {
      Path dir = Path.of(data).toAbsolutePath();
      Files.createDirectories(dir);
      int port = freePort();
      broker = CentralisBroker.start(dir.resolve("broker"), "127.0.0.1", port);
      System.setProperty("centralis.broker.port", String.valueOf(port));
      Path rar = Path.of(System.getProperty("centralis.runtime"), "centralis-artemis-ra.rar").toAbsolutePath();
      Path postBoot = dir.resolve("postboot.asadmin");
      Files.writeString(postBoot, "deploy --name centralis-artemis-ra " + rar + "\n");
      System.setProperty("centralis.postboot", postBoot.toString());
      System.setProperty("centralis.it.jdbc", jdbcUrl(dir));
      int smtp = freePort();
      mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      System.setProperty("centralis.it.smtp.port", String.valueOf(smtp));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the integration-test runtime", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (mail != null) {
      mail.stop();
      mail = null;
    }
    if (broker != null) {
      try {
        broker.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      broker = null;
    }
  }

  /** The broker of this test run, for tests that put messages on queues directly. */
  public static CentralisBroker broker() {
    return broker;
  }

  /** The SMTP server the Payara Micro under test sends e-mail to (centralis.mail.*); tests read what arrived. */
  public static GreenMail mail() {
    return mail;
  }

  /** The database the Payara Micro under test uses; AUTO_SERVER lets the test JVM open it too. */
  static String jdbcUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db/centralis") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE";
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
