package org.centralis.ticket.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.organization.application.OrganizationDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.TeamRef;
import org.centralis.ticket.domain.Ticket;

/** Maps a ticket to its view, resolving the names of the other contexts it refers to by id. */
@Dependent
class TicketViews {

  @EJB private OrganizationDirectory organization; // @EJB, not @Inject, on the paths every ticket takes: ADR 0023
  @Inject private CustomerDirectory customers;

  TicketView of(Ticket t) {
    return new TicketView(
        t.getNumber().value(),
        t.getType().name(),
        t.getCategory().getCode(),
        t.getCategory().getName(),
        t.getCategory().getNameEn(),
        t.getPriority().name(),
        t.getStatus().name(),
        t.getChannel().name(),
        t.getSubject(),
        t.getDescription(),
        t.getCustomerId() == null ? null : customers.reference(t.getCustomerId()).orElse(null),
        organization.branch(t.getOwningBranchId()).orElse(null),
        organization.team(t.getAssignedTeamId()).orElse(null),
        t.getCreatedAt(),
        t.getUpdatedAt(),
        t.getDispatchedAt(),
        t.getEvents().stream()
            .map(
                e ->
                    new TicketView.Event(
                        e.getSeqNo(),
                        e.getKind().name(),
                        e.getOccurredAt(),
                        e.getActorLogin(),
                        e.getFromStatus() == null ? null : e.getFromStatus().name(),
                        e.getToStatus() == null ? null : e.getToStatus().name(),
                        organization.team(e.getTeamId()).orElse(null),
                        e.getDetail(),
                        e.getVisibility() == null ? null : e.getVisibility().name()))
            .toList());
  }

  /** List rows, looking each branch and team up once. */
  List<TicketSummary> summaries(List<Ticket> tickets) {
    Map<Long, Optional<BranchRef>> branches = new HashMap<>();
    Map<Long, Optional<TeamRef>> teams = new HashMap<>();
    return tickets.stream()
        .map(
            t ->
                new TicketSummary(
                    t.getNumber().value(),
                    t.getType().name(),
                    t.getCategory().getName(),
                    t.getCategory().getNameEn(),
                    t.getPriority().name(),
                    t.getStatus().name(),
                    t.getSubject(),
                    t.getOwningBranchId() == null ? null : branches.computeIfAbsent(t.getOwningBranchId(), organization::branch).orElse(null),
                    t.getAssignedTeamId() == null ? null : teams.computeIfAbsent(t.getAssignedTeamId(), organization::team).orElse(null),
                    t.getCreatedAt(),
                    t.getUpdatedAt()))
        .toList();
  }
}
