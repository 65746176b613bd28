package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.ClockState;
import org.centralis.sla.domain.EscalationChain;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaPolicy;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

/**
 * SLA policies: everyone on staff reads them, administrators change them. A change applies to the
 * open clocks of the policy right after it commits (deadlines recomputed from each clock's start,
 * keeping what has fired, in batches: {@link ClockRecompute}); the what-if answers, without saving, how a proposed policy or calendar would move them.
 */
@Stateless
public class SlaPolicies {

  private static final int PAGE = 1_000;
  private static final int CAP = 100;
  private static final Set<ClockState> OPEN = EnumSet.of(ClockState.RUNNING, ClockState.PAUSED);

  @PersistenceContext private EntityManager em;
  @Inject private ClockCalendars calendars;
  @Inject private AuditTrail auditTrail;

  @RolesAllowed({Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  public List<PolicyDocument> list() {
    return em.createNamedQuery("SlaPolicy.findAll", SlaPolicy.class).getResultList().stream().map(SlaPolicies::document).toList();
  }

  @RolesAllowed({Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  public PolicyDocument get(long id) {
    return document(require(id));
  }

  /**
   * Creates or replaces policy {@code id} (audited as SLA_POLICY_CHANGED). Its open clocks are
   * recomputed after this transaction commits, in batches: {@link ClockRecompute#policy(long)}.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public void put(long id, @NotNull PolicyDocument doc) {
    SlaPolicy.Terms terms = validate(doc);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    SlaPolicy existing = em.find(SlaPolicy.class, id);
    String before = existing == null ? null : existing.terms().toString();
    if (existing == null) {
      if (id <= 0) {
        throw new InvalidInputException("id", "invalid-id", "a policy id is a positive number", id);
      }
      em.persist(SlaPolicy.create(id, terms, now));
    } else {
      existing.change(terms, now);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "policy " + id + " was changed at the same time; read it again and retry", id);
    }
    auditTrail.record(new AuditEntry("SLA_POLICY_CHANGED", "SLA_POLICY", Long.toString(id), before, terms.toString()));
  }

  /**
   * Creates a policy under the next free id and answers that id. Two administrators creating at
   * once both read the same maximum; the second insert fails on the key and is told to retry.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public long create(@NotNull PolicyDocument doc) {
    Long max = em.createQuery("SELECT MAX(p.id) FROM SlaPolicy p", Long.class).getSingleResult();
    long id = (max == null ? 0 : max) + 1;
    SlaPolicy.Terms terms = validate(doc);
    em.persist(SlaPolicy.create(id, terms, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "another policy was created at the same time; retry", id);
    }
    auditTrail.record(new AuditEntry("SLA_POLICY_CHANGED", "SLA_POLICY", Long.toString(id), null, terms.toString()));
    return id;
  }

  /** How the proposed policy would move the deadlines of the policy's open clocks; nothing is saved. */
  @RolesAllowed(Role.ADMIN_NAME)
  public WhatIf whatIf(long id, @NotNull PolicyDocument doc) {
    require(id);
    SlaPolicy.Terms t = validate(doc);
    return whatIf(
        openClocks(id),
        c -> {
          Long target = switch (c.getMetric()) {
            case FIRST_RESPONSE -> t.firstResponseSeconds();
            case NEXT_UPDATE -> t.nextUpdateSeconds();
            case RESOLUTION -> t.resolutionSeconds();
          };
          if (target == null) {
            return null;
          }
          String code = t.calendarCode() != null ? t.calendarCode() : calendars.codeForBranch(c.getBranchPath());
          return calendars.get(code).addWorkingTime(c.getStartedAt(), target + c.getPausedSeconds());
        });
  }

  /** How a proposed calendar would move the deadlines of the open clocks on calendar {@code code}. */
  @RolesAllowed(Role.ADMIN_NAME)
  public WhatIf calendarWhatIf(String code, @NotNull CalendarDocument document) {
    calendars.get(code);
    BusinessCalendar proposed = document.toCalendar();
    List<SlaClock> open =
        em.createQuery("SELECT c FROM SlaClock c WHERE c.calendarCode = :code AND c.stoppedAt IS NULL AND c.state IN :states ORDER BY c.id", SlaClock.class)
            .setParameter("code", code)
            .setParameter("states", OPEN)
            .getResultList();
    return whatIf(open, c -> proposed.addWorkingTime(c.getStartedAt(), c.getTargetSeconds() + c.getPausedSeconds()));
  }

  private WhatIf whatIf(List<SlaClock> open, Function<SlaClock, Instant> newDue) {
    Instant now = Instant.now();
    long moved = 0;
    long later = 0;
    List<WhatIf.Earlier> earlier = new ArrayList<>();
    for (SlaClock c : open) {
      Instant due = newDue.apply(c);
      if (due == null || due.equals(c.getDueAt())) {
        continue;
      }
      moved++;
      if (due.isAfter(c.getDueAt())) {
        later++;
      } else {
        earlier.add(new WhatIf.Earlier(c.getTicketNo(), c.getMetric().name(), c.getDueAt(), due, !due.isAfter(now)));
      }
    }
    earlier.sort(Comparator.comparing(WhatIf.Earlier::newDueAt));
    long overdue = earlier.stream().filter(WhatIf.Earlier::overdueNow).count();
    return new WhatIf(open.size(), moved, later, earlier.size(), overdue, CAP, List.copyOf(earlier.subList(0, Math.min(CAP, earlier.size()))));
  }

  private List<SlaClock> openClocks(long policyId) {
    List<SlaClock> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<SlaClock> page =
          em.createNamedQuery("SlaClock.findOpenByPolicy", SlaClock.class)
              .setParameter("policy", policyId)
              .setParameter("states", EnumSet.of(ClockState.RUNNING, ClockState.PAUSED, ClockState.BREACHED))
              .setFirstResult(offset)
              .setMaxResults(PAGE)
              .getResultList();
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private SlaPolicy require(long id) {
    SlaPolicy p = em.find(SlaPolicy.class, id);
    if (p == null) {
      throw new NotFoundException("sla-policy", id);
    }
    return p;
  }

  private SlaPolicy.Terms validate(PolicyDocument d) {
    if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
      throw new InvalidInputException("name", "validation", "a policy has a name of 1 to 100 characters");
    }
    check("ticketType", d.ticketType(), TicketType.class);
    check("priority", d.priority(), Priority.class);
    check("channel", d.channel(), Channel.class);
    check("customerTier", d.customerTier(), org.centralis.customer.domain.CustomerTier.class);
    if (d.categoryId() != null) {
      List<?> type = em.createNativeQuery("SELECT TICKET_TYPE FROM TICKET_CATEGORY WHERE ID = ?").setParameter(1, d.categoryId()).getResultList();
      if (type.isEmpty()) {
        throw new InvalidInputException("categoryId", "unknown-category", "no category " + d.categoryId(), d.categoryId());
      }
      // A category belongs to one type: a policy asking for another type would never match.
      if (d.ticketType() != null && !d.ticketType().equals(type.get(0))) {
        throw new InvalidInputException("categoryId", "category-of-other-type", "category " + d.categoryId() + " is a " + type.get(0) + " category", d.categoryId());
      }
    }
    if (d.calendarCode() != null) {
      try {
        calendars.get(d.calendarCode());
      } catch (NotFoundException e) {
        throw new InvalidInputException("calendarCode", "unknown-calendar", "no calendar " + d.calendarCode(), d.calendarCode());
      }
    }
    if (d.escalationChainId() != null && em.find(EscalationChain.class, d.escalationChainId()) == null) {
      throw new InvalidInputException("escalationChainId", "unknown-chain", "no escalation chain " + d.escalationChainId(), d.escalationChainId());
    }
    targetCheck("firstResponseSeconds", d.firstResponseSeconds());
    targetCheck("nextUpdateSeconds", d.nextUpdateSeconds());
    targetCheck("resolutionSeconds", d.resolutionSeconds());
    String warn = d.warnPercents() == null ? "75,90" : d.warnPercents();
    try {
      SlaClock.parsePercents(warn);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("warnPercents", "invalid-thresholds", e.getMessage(), warn);
    }
    Set<String> pause = new LinkedHashSet<>(d.pauseStatuses() == null ? List.of(TicketStatus.PENDING_CUSTOMER.name()) : d.pauseStatuses());
    for (String s : pause) {
      check("pauseStatuses", s, TicketStatus.class);
    }
    return new SlaPolicy.Terms(
        d.name().strip(), d.ticketType(), d.categoryId(), d.priority(), d.customerTier(), d.channel(), d.firstResponseSeconds(),
        d.nextUpdateSeconds(), d.resolutionSeconds(), warn, pause, d.calendarCode(), d.escalationChainId(), d.active() == null || d.active());
  }

  private static void targetCheck(String field, Long seconds) {
    if (seconds != null && (seconds <= 0 || seconds > BusinessCalendar.HORIZON.toSeconds())) {
      throw new InvalidInputException(field, "invalid-amount", "a target is 1 to " + BusinessCalendar.HORIZON.toSeconds() + " working seconds", seconds);
    }
  }

  private static <E extends Enum<E>> void check(String field, String value, Class<E> type) {
    if (value == null) {
      return;
    }
    try {
      Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "invalid-value", field + " " + value + " is not one of " + EnumSet.allOf(type), value);
    }
  }

  static PolicyDocument document(SlaPolicy p) {
    SlaPolicy.Terms t = p.terms();
    return new PolicyDocument(
        p.getId(), t.name(), t.ticketType(), t.categoryId(), t.priority(), t.customerTier(), t.channel(), t.firstResponseSeconds(),
        t.nextUpdateSeconds(), t.resolutionSeconds(), t.warnPercents(), List.copyOf(t.pauseStatuses()), t.calendarCode(), t.escalationChainId(),
        t.active());
  }
}
