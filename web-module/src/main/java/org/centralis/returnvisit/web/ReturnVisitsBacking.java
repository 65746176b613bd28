package org.centralis.returnvisit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.returnvisit.application.OutcomeRequest;
import org.centralis.returnvisit.application.ReturnVisitView;
import org.centralis.returnvisit.application.ReturnVisits;
import org.centralis.returnvisit.domain.ReturnVisitStatus;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.primefaces.model.StreamedContent;

/**
 * "My return visits" (回访): the open return visits of the agent's scope, oldest first, the ones the
 * agent recorded, and the dialog that records one call (reached, CSAT 1–5, comment).
 */
@Named
@ViewScoped
public class ReturnVisitsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 50;

  @Inject private ReturnVisits visits;

  private List<ReturnVisitView> open;
  private List<ReturnVisitView> mine;
  private long openTotal;
  private ReturnVisitView selected;
  private boolean reached = true;
  private Integer csat;
  private String comment;
  private String ticket;

  public List<ReturnVisitView> getOpen() {
    if (open == null) {
      load();
    }
    return open;
  }

  public List<ReturnVisitView> getMine() {
    if (mine == null) {
      load();
    }
    return mine;
  }

  public long getOpenTotal() {
    getOpen();
    return openTotal;
  }

  private void load() {
    try {
      var page = visits.list(ReturnVisitStatus.OPEN, false, ticket == null || ticket.isBlank() ? null : ticket.strip(), 0, PAGE);
      open = page.items();
      openTotal = page.total();
      mine = visits.list(null, true, null, 0, PAGE).items();
    } catch (RuntimeException e) {
      open = List.of();
      mine = List.of();
      Messages.handle(e);
    }
  }

  /**
   * The open visits ({@code mine} false) or those the reader recorded, as a spreadsheet (导出) in the page's language:
   * {@code xlsx} or {@code csv}. Over the export limit a message says so and nothing is downloaded.
   */
  public StreamedContent exportOpen(String format) {
    return export(format, false);
  }

  public StreamedContent exportMine(String format) {
    return export(format, true);
  }

  private StreamedContent export(String format, boolean mine) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<ReturnVisitView> rows = visits.export(mine ? null : ReturnVisitStatus.OPEN, mine);
      return SpreadsheetFile.of("return-visits", as, out -> ReturnVisitSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  public void select(ReturnVisitView visit) {
    selected = visit;
    reached = true;
    csat = null;
    comment = null;
  }

  public void record() {
    if (selected == null) {
      return;
    }
    try {
      ReturnVisitView v = visits.recordOutcome(selected.id(), new OutcomeRequest(reached, reached ? csat : null, comment));
      Messages.info(v.escalated() ? "visit.recorded.reopened" : "visit.recorded", v.ticketNumber());
      selected = null;
      open = null;
      mine = null;
    } catch (RuntimeException e) {
      Messages.handle(e);
      org.primefaces.PrimeFaces.current().ajax().addCallbackParam("failed", true);
    }
  }

  /** View parameter: only this ticket's open visit (the link from the ticket page). */
  public String getTicket() {
    return ticket;
  }

  public void setTicket(String ticket) {
    this.ticket = ticket;
  }

  public ReturnVisitView getSelected() {
    return selected;
  }

  public boolean isReached() {
    return reached;
  }

  public void setReached(boolean reached) {
    this.reached = reached;
  }

  public Integer getCsat() {
    return csat;
  }

  public void setCsat(Integer csat) {
    this.csat = csat;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
