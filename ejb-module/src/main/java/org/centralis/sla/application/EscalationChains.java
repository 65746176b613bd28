package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.EscalationChain;
import org.centralis.sla.domain.EscalationLevel;

/**
 * Escalation chains as data (升级链): read by those who watch deadlines, changed by administrators (audited as
 * SLA_CHAIN_CHANGED). After a change the breached clocks on the chain are rescheduled, in batches, by
 * {@link ClockRecompute#chain(long)}: their next level fires on the new delays, what has fired stays fired.
 */
@Stateless
public class EscalationChains {

  /** Whom a level may notify: the roles that work tickets (the editor offers the same list, in this order). */
  public static final List<String> NOTIFY_ROLES =
      List.of(Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME);
  /** Where: the ticket's own branch, or its nearest ancestor of that kind (the editor offers the same list). */
  public static final List<String> NOTIFY_AT = List.of("OWNING", "BRANCH", "REGION", "HEADQUARTERS");
  static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");
  static final int MAX_LEVELS = 9;
  /** A level later than a year of working time after the breach is a typing error, not a rule. */
  static final long MAX_DELAY_SECONDS = 365L * 24 * 3600;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;
  @Inject private OrganizationDirectory organization;

  @RolesAllowed({Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  public List<ChainDocument> list() {
    return em.createQuery("SELECT c FROM EscalationChain c ORDER BY c.id", EscalationChain.class).getResultList().stream()
        .map(EscalationChains::document).toList();
  }

  @RolesAllowed({Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
  public ChainDocument get(long id) {
    return document(find(id));
  }

  /** Creates or replaces chain {@code id}; the caller then reschedules its clocks (after this commits). */
  @RolesAllowed(Role.ADMIN_NAME)
  public void put(long id, @NotNull ChainDocument doc) {
    if (id <= 0) {
      throw new InvalidInputException("id", "invalid-id", "a chain id is a positive number", id);
    }
    String code = doc.code() == null ? "" : doc.code().strip();
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException("code", "invalid-chain", "code: 1–32 capital letters, digits, '-' or '_'", code);
    }
    String name = doc.name() == null ? "" : doc.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new InvalidInputException("name", "invalid-chain", "name: 1–100 characters");
    }
    List<EscalationLevel> levels = levels(doc.levels());
    EscalationChain chain = em.find(EscalationChain.class, id);
    String before = chain == null ? null : describe(chain);
    if (chain == null) {
      chain = EscalationChain.create(id, code, name, levels);
      em.persist(chain);
    } else {
      chain.replace(code, name, levels);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("chain-conflict", "chain " + id + ": the code " + code + " is taken, or the chain changed meanwhile", id, code);
    }
    auditTrail.record(new AuditEntry("SLA_CHAIN_CHANGED", "ESCALATION_CHAIN", Long.toString(id), before, describe(chain)));
  }

  private List<EscalationLevel> levels(List<ChainDocument.Level> given) {
    if (given == null || given.isEmpty() || given.size() > MAX_LEVELS) {
      throw new InvalidInputException("levels", "invalid-chain", "a chain has 1 to " + MAX_LEVELS + " levels");
    }
    List<EscalationLevel> levels = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < given.size(); i++) {
      ChainDocument.Level l = given.get(i);
      String at = "levels[" + i + "]";
      if (l == null) {
        throw new InvalidInputException(at, "invalid-chain", at + " is empty");
      }
      if (l.level() != null && l.level() != i + 1) {
        throw new InvalidInputException(at + ".level", "invalid-chain", "levels are numbered 1.." + given.size() + " in order", l.level());
      }
      long delay = l.delaySeconds() == null ? -1 : l.delaySeconds();
      if (delay < previous || delay > MAX_DELAY_SECONDS) {
        throw new InvalidInputException(
            at + ".delaySeconds", "invalid-chain", "delays run from 0 up to a year, each level no earlier than the one before it", l.delaySeconds());
      }
      previous = delay;
      String role = blankToNull(l.notifyRole());
      if (role != null && !NOTIFY_ROLES.contains(role)) {
        throw new InvalidInputException(at + ".notifyRole", "invalid-chain", "not a role that works tickets: " + role, role);
      }
      String notifyAt = blankToNull(l.notifyAt()) == null ? "OWNING" : l.notifyAt().strip();
      if (!NOTIFY_AT.contains(notifyAt)) {
        throw new InvalidInputException(at + ".notifyAt", "invalid-chain", "notifyAt is one of " + NOTIFY_AT, notifyAt);
      }
      if (l.reassignTeamId() != null && organization.team(l.reassignTeamId()).isEmpty()) {
        throw new InvalidInputException(at + ".reassignTeamId", "unknown-team", "no team " + l.reassignTeamId(), l.reassignTeamId());
      }
      String raise = blankToNull(l.raisePriority());
      if (raise != null && !PRIORITIES.contains(raise)) {
        throw new InvalidInputException(at + ".raisePriority", "invalid-chain", "raisePriority is one of " + PRIORITIES, raise);
      }
      levels.add(new EscalationLevel(i + 1, delay, role, notifyAt, l.reassignTeamId(), raise, Boolean.TRUE.equals(l.ackRequired())));
    }
    return levels;
  }

  private EscalationChain find(long id) {
    EscalationChain chain = em.find(EscalationChain.class, id);
    if (chain == null) {
      throw new NotFoundException("escalation chain", id);
    }
    return chain;
  }

  private static ChainDocument document(EscalationChain c) {
    return new ChainDocument(c.getId(), c.getCode(), c.getName(), c.getLevels().stream()
        .map(l -> new ChainDocument.Level(
            l.getLevelNo(), l.getDelaySeconds(), l.getNotifyRole(), l.getNotifyAt(), l.getReassignTeamId(), l.getRaisePriority(), l.isAckRequired()))
        .toList());
  }

  /** For the audit trail: code, name and each level on one line. */
  private static String describe(EscalationChain c) {
    StringBuilder s = new StringBuilder(c.getCode()).append(' ').append(c.getName());
    for (EscalationLevel l : c.getLevels()) {
      s.append(" | ").append(l.getLevelNo()).append(": +").append(l.getDelaySeconds()).append("s ").append(l.getNotifyRole()).append('@').append(l.getNotifyAt());
      if (l.getReassignTeamId() != null) {
        s.append(" team ").append(l.getReassignTeamId());
      }
      if (l.getRaisePriority() != null) {
        s.append(" raise ").append(l.getRaisePriority());
      }
      if (l.isAckRequired()) {
        s.append(" ack");
      }
    }
    return s.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
