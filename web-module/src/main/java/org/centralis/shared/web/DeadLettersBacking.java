package org.centralis.shared.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.shared.infrastructure.messaging.DeadLetters;
import org.centralis.shared.infrastructure.messaging.DeadLetters.DeadLetter;

/** The administrator's view of the dead-letter queue: messages that failed every delivery attempt. */
@Named
@ViewScoped
public class DeadLettersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DeadLetters deadLetters;

  private List<DeadLetter> letters = List.of();
  private boolean unavailable;

  @PostConstruct
  public void refresh() {
    try {
      letters = deadLetters.list();
      unavailable = false;
    } catch (RuntimeException e) {
      letters = List.of();
      unavailable = true;
      Messages.handle(e);
    }
  }

  public List<DeadLetter> getLetters() {
    return letters;
  }

  public boolean isUnavailable() {
    return unavailable;
  }
}
