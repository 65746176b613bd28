package org.centralis.complaint.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.centralis.complaint.application.ComplaintView;
import org.centralis.complaint.application.Complaints;
import org.centralis.complaint.application.ResolutionRequest;
import org.centralis.complaint.domain.TaxonomyKind;
import org.centralis.quality.application.QualityScoring;
import org.centralis.returnvisit.application.ReturnVisitView;
import org.centralis.returnvisit.application.ReturnVisits;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.web.TicketLogBacking;
import org.centralis.ticket.web.TicketViewBacking;

/**
 * The complaint and return-visit panel of the ticket page: complaint facts (severity, taxonomy,
 * regulator deadline, repeat), the resolution form (root cause, corrective action — required before
 * RESOLVED), the latest return visit and the escalation / QA flag. Request scoped: every render
 * reads the current state.
 */
@Named
@RequestScoped
public class ComplaintPanelBacking {

  @Inject private TicketViewBacking ticketPage;
  @Inject private Complaints complaints;
  @Inject private ReturnVisits returnVisits;
  @Inject private QualityScoring quality;

  private ComplaintView complaint;
  private boolean complaintLoaded;
  private Optional<ReturnVisitView> visit;
  private Boolean flagged;
  private PhaseId loadedIn;
  private Long rootCauseId;
  private String correctiveAction;

  /**
   * What was read is kept for one phase only: a partial request may evaluate the panel before its
   * action ran (e.g. resolve), and the render must show the state after it.
   */
  private void fresh() {
    PhaseId now = FacesContext.getCurrentInstance().getCurrentPhaseId();
    if (now != loadedIn) {
      loadedIn = now;
      complaintLoaded = false;
      complaint = null;
      visit = null;
      flagged = null;
    }
  }

  public ComplaintView getComplaint() {
    fresh();
    if (!complaintLoaded) {
      complaintLoaded = true;
      TicketView t = ticketPage.getTicket();
      if (t != null && "COMPLAINT".equals(t.type())) {
        try {
          complaint = complaints.find(t.number());
        } catch (RuntimeException e) {
          complaint = null; // a complaint logged before the register existed has no record
        }
      }
    }
    return complaint;
  }

  public ReturnVisitView getReturnVisit() {
    fresh();
    if (visit == null) {
      TicketView t = ticketPage.getTicket();
      visit = t == null ? Optional.empty() : returnVisits.latestFor(t.number());
    }
    return visit.orElse(null);
  }

  /** Flagged for escalation and QA: an unsatisfied return visit put it in the QA sample. */
  public boolean isFlagged() {
    fresh();
    if (flagged == null) {
      TicketView t = ticketPage.getTicket();
      flagged = t != null && quality.sampled(t.number());
    }
    return flagged;
  }

  /** The resolution form is offered while the complaint is worked (not yet closed or cancelled). */
  public boolean isResolutionEditable() {
    ComplaintView c = getComplaint();
    return c != null && !"CLOSED".equals(c.ticketStatus()) && !"CANCELLED".equals(c.ticketStatus()) && !ticketPage.getActions().isEmpty();
  }

  public List<SelectItem> getRootCauses() {
    return TicketLogBacking.taxonomyItems(complaints.taxonomy(TaxonomyKind.ROOT_CAUSE));
  }

  public void saveResolution() {
    try {
      complaints.recordResolution(ticketPage.getNumber(), new ResolutionRequest(rootCauseId, correctiveAction));
      Messages.info("complaint.resolution.saved");
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public Long getRootCauseId() {
    if (rootCauseId == null && getComplaint() != null && complaint.rootCause() != null) {
      return complaint.rootCause().id();
    }
    return rootCauseId;
  }

  public void setRootCauseId(Long rootCauseId) {
    this.rootCauseId = rootCauseId;
  }

  public String getCorrectiveAction() {
    if (correctiveAction == null && getComplaint() != null) {
      return complaint.correctiveAction();
    }
    return correctiveAction;
  }

  public void setCorrectiveAction(String correctiveAction) {
    this.correctiveAction = correctiveAction;
  }
}
