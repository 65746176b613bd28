package org.centralis.shared.application;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The server's default managed executor, looked up: Payara leaves {@code @Resource} null in CDI beans of a library jar. */
public final class ManagedThreads {

  private ManagedThreads() {}

  public static ManagedExecutorService defaultExecutor() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("no default managed executor", e);
    }
  }
}
