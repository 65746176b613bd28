package org.centralis.acd.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.acd.application.AcdCallbacks;
import org.centralis.acd.application.AcdCallbacks.CallbackView;
import org.centralis.shared.web.Messages;

/**
 * The callback list (回拨) on the agent desk and the wallboard: the callers to call back, oldest first; an agent takes
 * one (its number is shown then), calls, and records whether the caller was reached.
 */
@Named
@ViewScoped
public class CallbackListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AcdCallbacks callbacks;

  private List<CallbackView> list;
  private String note;

  public List<CallbackView> getList() {
    if (list == null) {
      try {
        list = callbacks.unfinished();
      } catch (RuntimeException e) {
        list = List.of();
        Messages.handle(e);
      }
    }
    return list;
  }

  public void refresh() {
    list = null;
  }

  public void claim(long id) {
    try {
      CallbackView taken = callbacks.claim(id);
      Messages.info("acd.callback.claimed", taken.callerNumber());
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  public void reached(long id) {
    record(id, true);
  }

  public void notReached(long id) {
    record(id, false);
  }

  private void record(long id, boolean reached) {
    try {
      CallbackView after = callbacks.record(id, reached, note);
      Messages.info("acd.callback.recorded." + after.status());
      note = null;
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
