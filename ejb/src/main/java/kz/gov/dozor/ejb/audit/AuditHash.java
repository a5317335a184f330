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
    return of(
        prevHash,
        seq,
        occurredAt,
        actor,
        organisation,
        action,
        subjectType,
        subjectId,
        detail,
        clientAddress,
        null,
        null);
  }

  /**
   * The hash with the owning organisation and the requested address. Entries that have neither (all
   * those written before these fields existed) hash exactly as before.
   */
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
      String clientAddress,
      String ownerOrganisation,
      String requestedUrl) {
    StringBuilder s = new StringBuilder(256);
    String[] fields = {
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
    };
    if (ownerOrganisation != null || requestedUrl != null) {
      fields = java.util.Arrays.copyOf(fields, fields.length + 2);
      fields[fields.length - 2] = ownerOrganisation;
      fields[fields.length - 1] = requestedUrl;
    }
    for (String field : fields) {
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
