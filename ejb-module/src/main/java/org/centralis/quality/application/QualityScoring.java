package org.centralis.quality.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.quality.domain.QaCriterion;
import org.centralis.quality.domain.QaSample;
import org.centralis.quality.domain.QaScore;
import org.centralis.quality.domain.WeightedScore;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.domain.Ticket;

/**
 * Quality scoring (质检): the QA sample (tickets picked for scoring, among them every ticket whose
 * return visit gave CSAT ≤ 2), weighted forms, supervisors' scores, and each agent's own scores.
 * Supervisors see samples of their branch subtree; an agent sees only their own scores.
 */
@Stateless
@RolesAllowed(Role.SUPERVISOR_NAME)
public class QualityScoring {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private TicketQueries tickets;
  @Inject private AuditTrail auditTrail;

  /** Puts a ticket in the QA sample (once while an open sample exists); called inside the return-visit transaction. */
  @PermitAll
  public void sample(long ticketId, String ticketNo, String owningBranchPath, Long agentStaffId, Instant now) {
    Long open =
        em.createQuery("SELECT COUNT(s) FROM QaSample s WHERE s.ticketId = :t AND s.status = 'OPEN'", Long.class).setParameter("t", ticketId).getSingleResult();
    if (open == 0) {
      em.persist(new QaSample(ticketId, ticketNo, owningBranchPath, agentStaffId, QaSample.LOW_CSAT, now));
    }
  }

  /** True if the ticket was put in the QA sample (the ticket page shows the flag); not sensitive. */
  @PermitAll
  public boolean sampled(String ticketNo) {
    return em.createQuery("SELECT COUNT(s) FROM QaSample s WHERE s.ticketNo = :t", Long.class).setParameter("t", ticketNo).getSingleResult() > 0;
  }

  public Page<QaViews.Sample> openSamples(@Min(0) int offset, @Min(1) @Max(500) int limit) {
    SampleQuery q = openSampleQuery();
    List<QaSample> rows = q.rows().setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(sampleViews(rows), q.count().getSingleResult(), offset, limit);
  }

  /**
   * Every open sample of the caller's scope, as {@link #openSamples} would page them, for an export (导出) within
   * {@link ListExport}'s limit. Audited as QA_SAMPLES_EXPORTED with the row count.
   */
  public List<QaViews.Sample> exportOpenSamples() {
    SampleQuery q = openSampleQuery();
    List<QaViews.Sample> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), this::sampleViews);
    auditTrail.record(new AuditEntry("QA_SAMPLES_EXPORTED", "QA_SAMPLE_LIST", currentCaller.get().branchPath(), null, rows.size() + " rows"));
    return rows;
  }

  private record SampleQuery(TypedQuery<QaSample> rows, TypedQuery<Long> count) {}

  private SampleQuery openSampleQuery() {
    String scope = currentCaller.get().branchPath() + "%";
    String where = " WHERE s.status = 'OPEN' AND s.owningBranchPath LIKE :scope";
    return new SampleQuery(
        em.createQuery("SELECT s FROM QaSample s" + where + " ORDER BY s.createdAt, s.id", QaSample.class).setParameter("scope", scope),
        em.createQuery("SELECT COUNT(s) FROM QaSample s" + where, Long.class).setParameter("scope", scope));
  }

  /** The rows as views; a page names each agent once (a sample list holds few agents, an export many rows). */
  private List<QaViews.Sample> sampleViews(List<QaSample> rows) {
    Map<Long, String> names = new HashMap<>();
    return rows.stream()
        .map(s -> new QaViews.Sample(s.getId(), s.getTicketNo(), s.getAgentStaffId(),
            s.getAgentStaffId() == null ? null : names.computeIfAbsent(s.getAgentStaffId(), this::staffName), s.getReason(), s.getStatus(), s.getCreatedAt()))
        .toList();
  }

  @RolesAllowed({Role.SUPERVISOR_NAME, Role.AGENT_NAME})
  public QaViews.Form form(long formId) {
    List<?> forms = em.createNativeQuery("SELECT ID, CODE, NAME, NAME_EN FROM QA_FORM WHERE ID = ? AND ACTIVE = 1").setParameter(1, formId).getResultList();
    if (forms.isEmpty()) {
      throw new NotFoundException("qa-form", formId);
    }
    Object[] f = (Object[]) forms.get(0);
    List<QaViews.Criterion> criteria =
        criteria(formId).stream().map(c -> new QaViews.Criterion(c.getId(), c.getName(), c.getNameEn(), c.getWeight())).toList();
    return new QaViews.Form(((Number) f[0]).longValue(), (String) f[1], (String) f[2], (String) f[3], criteria);
  }

  /** Scores a sample, a ticket or a contact on a form; the weighted total is computed here, never taken from the client. */
  public QaViews.Score score(@NotNull @Valid ScoreRequest request) {
    Caller caller = currentCaller.get();
    Map<Long, BigDecimal> weights = new LinkedHashMap<>();
    criteria(request.formId()).forEach(c -> weights.put(c.getId(), c.getWeight()));
    // A retired form (revised by an administrator) keeps its scores but takes no new ones.
    if (weights.isEmpty() || em.createNativeQuery("SELECT ID FROM QA_FORM WHERE ID = ? AND ACTIVE = 1").setParameter(1, request.formId()).getResultList().isEmpty()) {
      throw new NotFoundException("qa-form", request.formId());
    }
    BigDecimal total = WeightedScore.of(weights, request.points());
    QaSample sample = null;
    String ticketNo = request.ticketNumber();
    Long agent = request.agentStaffId();
    if (request.sampleId() != null) {
      sample = em.find(QaSample.class, request.sampleId());
      if (sample == null || !caller.canSee(sample.getOwningBranchPath())) {
        throw new NotFoundException("qa-sample", request.sampleId());
      }
      ticketNo = sample.getTicketNo();
      agent = agent == null ? sample.getAgentStaffId() : agent;
    } else if (ticketNo != null) {
      tickets.find(ticketNo); // 404 unless visible
      if (agent == null) {
        agent = em.createNamedQuery("Ticket.findByNumber", Ticket.class).setParameter("number", ticketNo).getSingleResult().getAssigneeId();
      }
    } else if (request.contactId() == null) {
      throw new InvalidInputException("ticketNumber", "qa-subject-required", "name a sample, a ticket or a contact");
    }
    if (agent == null) {
      throw new InvalidInputException("agentStaffId", "qa-agent-required", "name the agent who is scored");
    }
    String items = new TreeMap<>(request.points()).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
    QaScore score =
        new QaScore(request.formId(), sample == null ? null : sample.getId(), ticketNo, request.contactId(), agent, caller.login(), total, items, comment,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    em.persist(score);
    if (sample != null) {
      sample.scored();
    }
    em.flush();
    auditTrail.record(new AuditEntry("QA_SCORED", "QA_SCORE", String.valueOf(score.getId()), null, "agent " + agent + " " + total + (ticketNo == null ? "" : " ticket " + ticketNo)));
    return view(score);
  }

  /** The caller's own scores and comments, newest first (agents see theirs only). */
  @RolesAllowed({Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.BRANCH_STAFF_NAME})
  public Page<QaViews.Score> myScores(@Min(0) int offset, @Min(1) @Max(500) int limit) {
    Long me = currentCaller.get().staffId();
    List<QaScore> rows =
        em.createQuery("SELECT s FROM QaScore s WHERE s.agentStaffId = :me ORDER BY s.scoredAt DESC, s.id DESC", QaScore.class)
            .setParameter("me", me)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total = em.createQuery("SELECT COUNT(s) FROM QaScore s WHERE s.agentStaffId = :me", Long.class).setParameter("me", me).getSingleResult();
    return new Page<>(rows.stream().map(this::view).toList(), total, offset, limit);
  }

  private List<QaCriterion> criteria(long formId) {
    return em.createNamedQuery("QaCriterion.findByForm", QaCriterion.class).setParameter("formId", formId).getResultList();
  }

  private QaViews.Score view(QaScore s) {
    return new QaViews.Score(
        s.getId(), s.getFormId(), s.getTicketNo(), s.getContactId(), s.getAgentStaffId(), staffName(s.getAgentStaffId()), s.getScorerLogin(), s.getTotal(),
        s.getItems(), s.getComment(), s.getScoredAt());
  }

  /** The staff member's name (not sensitive); STAFF belongs to the organization context, read only. */
  private String staffName(Long staffId) {
    if (staffId == null) {
      return null;
    }
    List<?> names = em.createNativeQuery("SELECT FULL_NAME FROM STAFF WHERE ID = ?").setParameter(1, staffId).getResultList();
    return names.isEmpty() ? null : String.valueOf(names.get(0));
  }
}
