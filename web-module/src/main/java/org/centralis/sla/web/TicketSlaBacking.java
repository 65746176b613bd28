package org.centralis.sla.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.shared.domain.CentralisException;
import org.centralis.sla.application.ClockView;
import org.centralis.sla.application.SlaClocks;

/** The SLA panel of the ticket page (WEB-INF/includes/sla-panel.xhtml): every deadline of the ticket. */
@Named
@RequestScoped
public class TicketSlaBacking {

  @Inject private SlaClocks clocks;

  private final Map<String, List<ClockView>> loaded = new HashMap<>();

  /**
   * The ticket's clocks, read once per rendering; none when the ticket is not visible. Reads before
   * the render phase (the panel's {@code rendered} test while a form is processed) are not kept: the
   * action that follows — resolve, pend, a last sub-task done — changes the clocks.
   */
  public List<ClockView> of(String number) {
    if (number == null || number.isBlank()) {
      return List.of();
    }
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc != null && fc.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      return read(number.strip());
    }
    return loaded.computeIfAbsent(number.strip(), this::read);
  }

  private List<ClockView> read(String number) {
    try {
      return clocks.forTicket(number);
    } catch (CentralisException e) {
      return List.of();
    }
  }

  /** Epoch milliseconds for the countdown script. */
  public long millis(java.time.Instant instant) {
    return instant == null ? 0 : instant.toEpochMilli();
  }

  /** Working time as "3 h 05 min" / "-0 h 10 min" (negative: overdue). */
  public String working(long seconds) {
    return AtRiskSheet.working(seconds);
  }
}
