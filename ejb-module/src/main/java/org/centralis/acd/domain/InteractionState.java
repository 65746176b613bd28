package org.centralis.acd.domain;

/** The life of a contact: WAITING ⇄ OFFERED → CONNECTED → ENDED | TRANSFERRED; ABANDONED before connection. */
public enum InteractionState {
  WAITING,
  OFFERED,
  CONNECTED,
  ENDED,
  ABANDONED,
  TRANSFERRED;

  public boolean isFinal() {
    return this == ENDED || this == ABANDONED || this == TRANSFERRED;
  }
}
