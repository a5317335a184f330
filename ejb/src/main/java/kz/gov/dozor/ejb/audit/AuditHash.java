package kz.gov.dozor.ejb.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash and every field of this one,
 * each length-prefixed so that no two different entries serialise alike.
 */
public final class AuditHash {

  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  public static String of(
      String prevHash,
      long seq,
      Instant occurredAt,
      String actor,
      String organisation,
      String action,
      String subjectType,
      String subjectId,
      String detail,
      String clientAddress) {
    StringBuilder s = new StringBuilder(256);
    for (String field :
        new String[] {
          prevHash,
          Long.toString(seq),
          occurredAt == null ? null : occurredAt.toString(),
          actor,
          organisation,
          action,
          subjectType,
          subjectId,
          detail,
          clientAddress
        }) {
      if (field == null) {
        s.append("-1:");
      } else {
        s.append(field.length()).append(':').append(field);
      }
      s.append('|');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
