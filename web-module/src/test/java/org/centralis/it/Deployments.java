package org.centralis.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment of every integration test: the real build output, not a hand-picked class list. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive centralisWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("centralis.war")));
  }
}
