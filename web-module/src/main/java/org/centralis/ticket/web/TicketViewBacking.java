package org.centralis.ticket.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketView;

/** One ticket with its timeline: /tickets/view.xhtml?number=T20261123-000123. */
@Named
@ViewScoped
public class TicketViewBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketQueries queries;

  private String number;
  private TicketView ticket;

  /** View action; also the refresh button. */
  public void load() {
    if (number == null || number.isBlank()) {
      return;
    }
    try {
      ticket = queries.find(number.strip());
    } catch (NotFoundException e) {
      ticket = null; // the page says so in place of the ticket
    } catch (RuntimeException e) {
      ticket = null;
      Messages.handle(e);
    }
  }

  /** The timeline newest first, as people read a history. */
  public List<TicketView.Event> getTimeline() {
    if (ticket == null) {
      return List.of();
    }
    List<TicketView.Event> events = new ArrayList<>(ticket.timeline());
    Collections.reverse(events);
    return events;
  }

  public TicketView getTicket() {
    return ticket;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }
}
