package org.centralis.organization.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.centralis.shared.security.Role;

/**
 * A person who signs in. Invariant: an account with {@value #MAX_FAILED_LOGINS} consecutive failed
 * sign-ins is locked for {@link #LOCKOUT}; a successful sign-in resets the count.
 */
@Entity
@Table(name = "STAFF")
@NamedQuery(name = "Staff.findByLogin", query = "SELECT s FROM Staff s WHERE s.login = :login")
public class Staff {

  public static final int MAX_FAILED_LOGINS = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  @Id
  @SequenceGenerator(name = "STAFF_SEQ", sequenceName = "STAFF_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "STAFF_SEQ")
  private Long id;

  private String login;

  @Column(name = "FULL_NAME")
  private String fullName;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "BRANCH_ID")
  private Branch branch;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "TEAM_ID")
  private Team team;

  private String email;
  private String locale;

  @Column(name = "PASSWORD_HASH")
  private String passwordHash;

  private boolean active;

  @Column(name = "FAILED_LOGINS")
  private int failedLogins;

  @Column(name = "LOCKED_UNTIL")
  private Instant lockedUntil;

  @Column(name = "LAST_LOGIN_AT")
  private Instant lastLoginAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "STAFF_ROLE", joinColumns = @JoinColumn(name = "STAFF_ID"))
  @Column(name = "ROLE_NAME")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version private int version;

  protected Staff() {}

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a failed sign-in; returns true if this failure locked the account. */
  public boolean recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins >= MAX_FAILED_LOGINS) {
      failedLogins = 0;
      lockedUntil = now.plus(LOCKOUT);
      return true;
    }
    return false;
  }

  public void recordSuccessfulLogin(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getLogin() {
    return login;
  }

  public String getFullName() {
    return fullName;
  }

  public Branch getBranch() {
    return branch;
  }

  public Team getTeam() {
    return team;
  }

  public String getEmail() {
    return email;
  }

  public String getLocale() {
    return locale;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isActive() {
    return active;
  }

  public int getFailedLogins() {
    return failedLogins;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public Set<Role> getRoles() {
    return Set.copyOf(roles);
  }
}
