package org.centralis.acd.application;

import java.util.Optional;

/** Port: the service tier of a customer (customer context), for the queue's tier priorities. */
public interface CustomerTiers {

  /** The tier name (STANDARD … PRIVATE), or empty if there is no such customer. */
  Optional<String> tierOf(long customerId);
}
