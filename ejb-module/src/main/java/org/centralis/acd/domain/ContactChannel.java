package org.centralis.acd.domain;

/** How a contact reaches the center. */
public enum ContactChannel {
  VOICE,
  CHAT,
  EMAIL
}
