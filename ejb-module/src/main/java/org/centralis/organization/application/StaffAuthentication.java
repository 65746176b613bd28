package org.centralis.organization.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.domain.Staff;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.RequestOrigin;
import org.centralis.shared.security.Role;

/**
 * Checks a sign-in against the STAFF table (PBKDF2 hashes) and keeps the lockout count. Runs in
 * its own transaction so that a failed attempt is counted and audited even though the request
 * that carried it fails.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StaffAuthentication {

  /** The outcome of one sign-in attempt. */
  public enum Status {
    VALID,
    INVALID,
    LOCKED
  }

  /** The outcome; {@code roles} is empty unless VALID. */
  public record Outcome(Status status, String login, Set<String> roles) {}

  @PersistenceContext private EntityManager em;
  @Inject private Pbkdf2PasswordHash passwordHash;
  @Inject private AuditTrail auditTrail;
  @Inject private RequestOrigin origin;

  @PostConstruct
  void init() {
    passwordHash.initialize(Map.of());
  }

  public Outcome authenticate(String login, char[] password) {
    Instant now = Instant.now();
    Optional<Staff> found =
        em.createNamedQuery("Staff.findByLogin", Staff.class)
            .setParameter("login", login)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty() || !found.get().isActive()) {
      audit(null, login, "LOGIN_FAILED", "unknown or inactive account");
      return new Outcome(Status.INVALID, login, Set.of());
    }
    Staff staff = found.get();
    if (staff.isLocked(now)) {
      audit(staff, login, "LOGIN_REFUSED_LOCKED", "locked until " + staff.getLockedUntil());
      return new Outcome(Status.LOCKED, login, Set.of());
    }
    if (!passwordHash.verify(password, staff.getPasswordHash())) {
      boolean locked = staff.recordFailedLogin(now);
      audit(staff, login, locked ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", locked ? "locked until " + staff.getLockedUntil() : "wrong password");
      return new Outcome(locked ? Status.LOCKED : Status.INVALID, login, Set.of());
    }
    staff.recordSuccessfulLogin(now);
    audit(staff, login, "LOGIN_SUCCEEDED", null);
    return new Outcome(Status.VALID, login, staff.getRoles().stream().map(Role::name).collect(Collectors.toSet()));
  }

  /** Hashes a password for storing (administration and demo data). */
  public String hash(char[] password) {
    return passwordHash.generate(password);
  }

  private void audit(Staff staff, String login, String action, String detail) {
    Caller actor =
        staff == null
            ? Caller.unknown(login, origin.getClientIp())
            : new Caller(staff.getId(), staff.getLogin(), staff.getRoles(), staff.getBranch().getId(), staff.getBranch().getPath(), origin.getClientIp());
    auditTrail.record(actor, new AuditEntry(action, "STAFF", login, null, detail));
  }
}
