package org.centralis.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over an event's content and the previous hash. Every field is length-prefixed so that
 * moving characters from one field to the next changes the hash ("ab","c" ≠ "a","bc").
 */
public final class AuditHash {

  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  public static String of(AuditEvent e) {
    StringBuilder canonical = new StringBuilder(256);
    append(canonical, Long.toString(e.getSeqNo()));
    append(canonical, e.getOccurredAt().toString());
    append(canonical, e.getActorLogin());
    append(canonical, e.getActorRole());
    append(canonical, e.getActorBranchId() == null ? null : e.getActorBranchId().toString());
    append(canonical, e.getClientIp());
    append(canonical, e.getAction());
    append(canonical, e.getTargetType());
    append(canonical, e.getTargetId());
    append(canonical, e.getBeforeSummary());
    append(canonical, e.getAfterSummary());
    append(canonical, e.getPrevHash());
    return sha256(canonical.toString());
  }

  private static void append(StringBuilder sb, String field) {
    if (field == null) {
      sb.append("-1:");
    } else {
      sb.append(field.length()).append(':').append(field);
    }
    sb.append(';');
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
