package org.centralis.complaint.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.complaint.domain.Complaint;
import org.centralis.complaint.domain.RegulatorDeadline;
import org.centralis.complaint.domain.RepeatComplaint;
import org.centralis.complaint.domain.Severity;
import org.centralis.complaint.domain.TaxonomyKind;
import org.centralis.complaint.domain.TaxonomyNode;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.returnvisit.application.ReturnVisits;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.application.TransactionMemo;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.application.ComplaintDetails;
import org.centralis.ticket.application.TicketChanged;
import org.centralis.ticket.application.TicketLogged;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The complaint register (投诉登记簿) and its rules. A COMPLAINT ticket gets its complaint record in
 * the intake transaction ({@link TicketLogged}): regulator deadline, repeat flag (which raises the
 * ticket's priority). Observing {@link TicketChanged}, it vetoes RESOLVED without root cause and
 * corrective action, and CLOSED without a finished return visit, and mirrors the ticket's status.
 */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
public class Complaints {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketQueries tickets;
  @Inject private ReturnVisits returnVisits;
  @Inject private AuditTrail auditTrail;
  @Inject private TransactionMemo memo;

  @Inject
  @ConfigProperty(name = "centralis.complaint.repeat-window-days", defaultValue = "90")
  int repeatWindowDays;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  String serviceCenterZone;

  /** Intake of a complaint: checks its facts and registers it with the ticket. */
  @PermitAll
  public void onLogged(@Observes TicketLogged logged) {
    if (logged.request().type() != TicketType.COMPLAINT) {
      return;
    }
    ComplaintDetails details = logged.request().complaint();
    Ticket ticket = em.find(Ticket.class, logged.ticketId());
    TaxonomyNode taxonomy = em.find(TaxonomyNode.class, details.taxonomyId());
    if (taxonomy == null || taxonomy.getKind() != TaxonomyKind.COMPLAINT || !taxonomy.isActive()) {
      throw new InvalidInputException(
          "complaint.taxonomyId", "unknown-complaint-taxonomy", "no complaint taxonomy node " + details.taxonomyId(), details.taxonomyId());
    }
    Severity severity = Severity.valueOf(details.severity());
    Instant now = ticket.getCreatedAt();
    int days = RegulatorDeadline.calendarDays(deadlineRules(), taxonomy.rootCode(), severity);
    Instant deadline = RegulatorDeadline.due(now, days, ZoneId.of(serviceCenterZone));
    String repeatOf = repeatOf(ticket.getCustomerId(), ticket.getCategory().getId(), now).orElse(null);
    if (repeatOf != null) {
      ticket.raisePriorityTo(RepeatComplaint.raised(ticket.getPriority()));
    }
    em.persist(
        Complaint.register(
            ticket.getId(), logged.number(), ticket.getCategory().getId(), ticket.getCustomerId(), ticket.getOwningBranchId(),
            ticket.getOwningBranchPath(), ticket.getStatus(), severity, taxonomy, ticket.getChannel(), details.amount(),
            details.currency(), deadline, repeatOf, now));
  }

  /** The rules of the lifecycle for complaints (vetoes), and the mirrored status. */
  @PermitAll
  public void onChanged(@Observes TicketChanged change) {
    if (!change.statusChanged() || change.before() == null) {
      return;
    }
    Ticket ticket = em.find(Ticket.class, change.ticketId()); // managed already: no query, unlike the register's lookup
    if (ticket == null || ticket.getType() != TicketType.COMPLAINT) {
      return; // a ticket's type never changes, and only complaints are in the register
    }
    // Registered by the transaction that logged the ticket, and found by a column that never changes: what this
    // transaction has not flushed yet cannot change the answer, so the lookup does not flush it (once per dispatched
    // complaint otherwise).
    Complaint complaint =
        em.createNamedQuery("Complaint.findByTicketId", Complaint.class)
            .setParameter("ticketId", change.ticketId())
            .setFlushMode(FlushModeType.COMMIT)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (complaint == null) {
      return;
    }
    if (change.after() == TicketStatus.RESOLVED) {
      complaint.requireResolution();
    }
    if (change.after() == TicketStatus.CLOSED && !returnVisits.finishedFor(change.ticketId())) {
      throw new ConflictException(
          "return-visit-required", "complaint " + change.number() + " is closed only after its return visit", change.number());
    }
    complaint.ticketMoved(change.after(), change.at());
  }

  /** Records (or corrects) root cause and corrective action; whoever works or sees the ticket. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
  public ComplaintView recordResolution(@NotNull String number, @NotNull @Valid ResolutionRequest request) {
    Complaint complaint = visible(number);
    TaxonomyNode cause = em.find(TaxonomyNode.class, request.rootCauseId());
    String before = complaint.getRootCause() == null ? null : complaint.getRootCause().getCode();
    complaint.recordResolution(cause, request.correctiveAction(), currentCaller.get().login(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    em.flush();
    auditTrail.record(new AuditEntry("COMPLAINT_RESOLUTION_RECORDED", "TICKET", number, before, cause.getCode() + ": " + abbreviate(request.correctiveAction())));
    return view(complaint, Instant.now());
  }

  /** The complaint of a ticket the caller sees (404 otherwise, also for a ticket that is no complaint). */
  public ComplaintView find(@NotNull String number) {
    return view(visible(number), Instant.now());
  }

  /** The register: complaints of the caller's branch subtree, newest first. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
  public Page<ComplaintView> register(@NotNull ComplaintFilter filter, @Min(0) int offset, @Min(1) @Max(500) int limit) {
    return new Page<>(registerPage(filter, offset, limit), registerCount(filter), offset, limit);
  }

  /** One page of the register without its total, for a table that has asked for {@link #registerCount} already. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
  public List<ComplaintView> registerPage(@NotNull ComplaintFilter filter, @Min(0) int offset, @Min(1) @Max(500) int limit) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return query(filter, now).rows().setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(c -> view(c, now)).toList();
  }

  /** How many complaints the register holds for the filter. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
  public long registerCount(@NotNull ComplaintFilter filter) {
    return query(filter, Instant.now().truncatedTo(ChronoUnit.MILLIS)).count().getSingleResult();
  }

  /** The whole register as filtered, for an export (导出): audited as COMPLAINTS_EXPORTED with the filter and the row count. */
  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME})
  public List<ComplaintView> export(@NotNull ComplaintFilter filter) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Query q = query(filter, now);
    List<ComplaintView> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), page -> page.stream().map(c -> view(c, now)).toList());
    auditTrail.record(new AuditEntry("COMPLAINTS_EXPORTED", "COMPLAINT_REGISTER", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /** The register's two queries (rows newest first, and their count) for the caller's scope and the filter. */
  private record Query(TypedQuery<Complaint> rows, TypedQuery<Long> count) {}

  private Query query(ComplaintFilter filter, Instant now) {
    Caller caller = currentCaller.get();
    String scope = caller.branchPath();
    if (filter.branchId() != null) {
      scope =
          organization.branch(filter.branchId())
              .filter(b -> caller.canSee(b.path()))
              .orElseThrow(() -> new InvalidInputException("branch", "branch-out-of-scope", "branch " + filter.branchId() + " is not visible", filter.branchId()))
              .path();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE c.owningBranchPath LIKE :scope");
    params.put("scope", scope + "%");
    if (filter.taxonomyId() != null) {
      where.append(" AND (c.taxonomy.id = :tax OR c.taxonomy.parentId = :tax)");
      params.put("tax", filter.taxonomyId());
    }
    if (filter.severity() != null) {
      where.append(" AND c.severity = :severity");
      params.put("severity", filter.severity());
    }
    if (filter.overdue() != null) {
      String late = "((c.closedAt IS NULL AND c.regulatorDeadline < :now) OR c.closedAt > c.regulatorDeadline)";
      where.append(filter.overdue() ? " AND " + late : " AND NOT " + late);
      params.put("now", now);
    }
    TypedQuery<Complaint> q = em.createQuery("SELECT c FROM Complaint c" + where + " ORDER BY c.createdAt DESC, c.id DESC", Complaint.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Complaint c" + where, Long.class);
    params.forEach((k, v) -> {
      q.setParameter(k, v);
      count.setParameter(k, v);
    });
    return new Query(q, count);
  }

  /** The complaint or root-cause taxonomy, roots first in id order. */
  @PermitAll
  public List<TaxonomyRef> taxonomy(@NotNull TaxonomyKind kind) {
    return em.createNamedQuery("TaxonomyNode.findByKind", TaxonomyNode.class).setParameter("kind", kind).getResultList().stream().map(Complaints::ref).toList();
  }

  /** The customer's complaints in the category within the window before {@code at}: the latest makes this a repeat. */
  private java.util.Optional<String> repeatOf(Long customerId, long categoryId, Instant at) {
    if (customerId == null) {
      return java.util.Optional.empty();
    }
    Duration window = Duration.ofDays(repeatWindowDays);
    List<RepeatComplaint.Earlier> earlier =
        em.createQuery(
                "SELECT c FROM Complaint c WHERE c.customerId = :customer AND c.categoryId = :category AND c.createdAt >= :from",
                Complaint.class)
            .setParameter("customer", customerId)
            .setParameter("category", categoryId)
            .setParameter("from", at.minus(window))
            .getResultList()
            .stream()
            .map(c -> new RepeatComplaint.Earlier(c.getTicketNo(), c.getCustomerId(), c.getCategoryId(), c.getCreatedAt()))
            .toList();
    return RepeatComplaint.of(customerId, categoryId, at, window, earlier).map(RepeatComplaint.Earlier::ticketNo);
  }

  @SuppressWarnings("unchecked")
  private List<RegulatorDeadline.Rule> deadlineRules() {
    return memo.get(List.of("COMPLAINT_DEADLINE_RULE"), () -> {
      List<Object[]> rows = em.createNativeQuery("SELECT TAXONOMY_CODE, SEVERITY, CALENDAR_DAYS FROM COMPLAINT_DEADLINE_RULE").getResultList();
      return rows.stream()
          .map(r -> new RegulatorDeadline.Rule((String) r[0], r[1] == null ? null : Severity.valueOf((String) r[1]), ((Number) r[2]).intValue()))
          .toList();
    });
  }

  private Complaint visible(String number) {
    tickets.find(number); // 404 unless the caller sees the ticket
    return em.createNamedQuery("Complaint.findByNumber", Complaint.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("complaint", number));
  }

  private ComplaintView view(Complaint c, Instant now) {
    BranchRef branch = organization.branch(c.getOwningBranchId()).orElse(null);
    return new ComplaintView(
        c.getTicketNo(), c.getTicketStatus().name(), c.getSeverity().name(), ref(c.getTaxonomy()), c.getChannel().name(), c.getAmountDisputed(),
        c.getCurrency(), c.getCreatedAt(), c.getRegulatorDeadline(), c.overdue(now), c.isRepeatComplaint(), c.getRepeatOfTicketNo(),
        c.getRootCause() == null ? null : ref(c.getRootCause()), c.getCorrectiveAction(), c.getResolutionBy(), c.getResolutionAt(), branch);
  }

  private static TaxonomyRef ref(TaxonomyNode n) {
    return new TaxonomyRef(n.getId(), n.getCode(), n.getName(), n.getNameEn(), n.getParentId());
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
