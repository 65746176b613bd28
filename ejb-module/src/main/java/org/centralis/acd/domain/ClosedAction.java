package org.centralis.acd.domain;

/** What a queue does with a contact outside its opening hours. */
public enum ClosedAction {
  CALLBACK,
  VOICEMAIL
}
