package org.centralis.shared.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

  private record Entry(byte[] digest, Set<String> roles, long expiresAt) {}

  private final byte[] salt = new byte[32];
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public BasicCredentialCache() {
    new SecureRandom().nextBytes(salt);
  }

  /** The roles of a login whose password was verified recently, or null. */
  public Set<String> find(String login, String password) {
    Entry e = entries.get(login);
    if (e == null || e.expiresAt < System.currentTimeMillis()) {
      return null;
    }
    return MessageDigest.isEqual(e.digest, digest(password)) ? e.roles : null;
  }

  public void remember(String login, String password, Set<String> roles) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(login, new Entry(digest(password), Set.copyOf(roles), System.currentTimeMillis() + TTL_MILLIS));
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
