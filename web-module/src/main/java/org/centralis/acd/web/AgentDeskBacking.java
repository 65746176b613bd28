package org.centralis.acd.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.centralis.acd.application.AgentDesk;
import org.centralis.acd.application.AgentStateRequest;
import org.centralis.acd.application.SeatView;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.web.Messages;

/**
 * The agent's desk: their seat's state (ready, not ready with a reason, logged out, wrap-up done),
 * the contact offered to them (accept / reject, with the time left) and the contact they hold
 * (end). The page polls {@link #refresh()}; every rule is AgentDesk's.
 */
@Named
@ViewScoped
public class AgentDeskBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AgentDesk desk;
  @Inject private CurrentCaller currentCaller;

  private SeatView seat;
  private List<Reason> reasons = List.of();
  private String reason;
  private final Map<String, String> reasonLabels = new HashMap<>();

  /** A reason code with its label in the page's language. */
  public record Reason(String code, String label) implements Serializable {
    public String getCode() {
      return code;
    }

    public String getLabel() {
      return label;
    }
  }

  @PostConstruct
  void init() {
    try {
      boolean english = Messages.english();
      desk.reasons().forEach(r -> reasonLabels.put(r.getCode(), english ? r.getNameEn() : r.getName()));
      reasons = desk.reasons().stream().filter(r -> !r.isSystemCode()).map(r -> new Reason(r.getCode(), reasonLabels.get(r.getCode()))).toList();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  public void refresh() {
    call(() -> desk.seatOf(currentCaller.get().login()));
  }

  public void ready() {
    changeState("READY", null);
  }

  public void notReady() {
    changeState("NOT_READY", reason);
  }

  public void logOut() {
    changeState("LOGGED_OUT", null);
  }

  public void wrapUpDone() {
    changeState("WRAP_UP_END", null);
  }

  public void accept() {
    if (seat != null && seat.offerId() != null) {
      call(() -> desk.accept(seat.offerId()));
    }
  }

  public void reject() {
    if (seat != null && seat.offerId() != null) {
      call(() -> desk.reject(seat.offerId()));
    }
  }

  public void endContact() {
    call(() -> desk.endContact(currentCaller.get().login()));
  }

  private void changeState(String state, String why) {
    call(() -> desk.changeState(currentCaller.get().login(), new AgentStateRequest(state, why, null)));
  }

  private void call(Supplier<SeatView> action) {
    try {
      seat = action.get();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public SeatView getSeat() {
    return seat;
  }

  public String getState() {
    return seat == null ? "LOGGED_OUT" : seat.state();
  }

  public boolean isOffered() {
    return seat != null && seat.offerId() != null;
  }

  public boolean isConnected() {
    return seat != null && "BUSY".equals(seat.state()) && seat.contactExternalId() != null;
  }

  /** Seconds since the seat entered its state. */
  public long getSecondsInState() {
    return seat == null || seat.stateSince() == null ? 0 : seconds(seat.stateSince(), Instant.now());
  }

  /** Seconds the offered or held contact has waited since it arrived. */
  public long getWaitingSeconds() {
    return seat == null || seat.contactArrivedAt() == null ? 0 : seconds(seat.contactArrivedAt(), Instant.now());
  }

  /** Seconds left to answer the offer. */
  public long getOfferSecondsLeft() {
    return seat == null || seat.offerTimeoutAt() == null ? 0 : seconds(Instant.now(), seat.offerTimeoutAt());
  }

  /** Seconds left of the wrap-up. */
  public long getWrapUpSecondsLeft() {
    return seat == null || seat.wrapUpUntil() == null ? 0 : seconds(Instant.now(), seat.wrapUpUntil());
  }

  static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  /** "mm:ss" (or "h:mm:ss") for a number of seconds. */
  public static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
  }

  public String clockOf(long seconds) {
    return clock(seconds);
  }

  /** The seat's not-ready reason in the page's language. */
  public String getReasonLabel() {
    return seat == null || seat.reason() == null ? null : reasonLabels.getOrDefault(seat.reason(), seat.reason());
  }

  public List<Reason> getReasons() {
    return reasons;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
