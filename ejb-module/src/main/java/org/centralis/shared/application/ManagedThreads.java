package org.centralis.shared.application;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's default managed executor and thread factory, looked up: Payara leaves {@code @Resource} null in CDI
 * beans of a library jar.
 */
public final class ManagedThreads {

  private ManagedThreads() {}

  public static ManagedExecutorService defaultExecutor() {
    return lookup("java:comp/DefaultManagedExecutorService");
  }

  /** For long-lived threads of the application's own, which would otherwise hold the shared executor's few threads. */
  public static ManagedThreadFactory defaultThreadFactory() {
    return lookup("java:comp/DefaultManagedThreadFactory");
  }

  private static <T> T lookup(String name) {
    try {
      return InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("no " + name, e);
    }
  }
}
