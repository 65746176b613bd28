package org.centralis.shared.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Set;
import org.centralis.shared.infrastructure.cache.ExpiringMap;

/**
 * Remembers, for one minute, that a login and password passed the PBKDF2 check, so that an API
 * client sending Basic credentials on every call does not pay ~10 ms of hashing (and an audit
 * event) per call. Only a salted SHA-256 of the password is kept, with a salt that never leaves
 * this JVM. A password change or lockout takes effect for API clients within {@link #TTL_MILLIS}.
 */
@ApplicationScoped
public class BasicCredentialCache {

  static final long TTL_MILLIS = 60_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Verified(byte[] digest, Set<String> roles) {}

  private final byte[] salt = new byte[32];
  private final ExpiringMap<String, Verified> verified = new ExpiringMap<>(TTL_MILLIS, MAX_ENTRIES);

  public BasicCredentialCache() {
    new SecureRandom().nextBytes(salt);
  }

  /** The roles of a login whose password was verified recently, or null. */
  public Set<String> find(String login, String password) {
    Verified v = verified.get(login);
    return v != null && MessageDigest.isEqual(v.digest(), digest(password)) ? v.roles() : null;
  }

  public void remember(String login, String password, Set<String> roles) {
    verified.put(login, new Verified(digest(password), Set.copyOf(roles)));
  }

  private byte[] digest(String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      return md.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
