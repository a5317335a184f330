package kz.gov.dozor.ejb.evidence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.evidence.timestamps.EvidenceTimestamp;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;

/**
 * An evidence item and its chain of custody. {@code caseId} and {@code clientAddress} (where it was
 * added from) only for its own agency; {@code timestamp} where its trusted timestamp stands; {@code
 * damagedAt} when a fixity check found its file changed or missing ({@code fixityDetail} what was
 * found); {@code custody} the latest accesses, newest first, of {@code custodyCount}.
 */
public record EvidenceItem(
    long id,
    Long caseId,
    String caseNumber,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String capturedBy,
    String capturedByName,
    Instant capturedAt,
    String captureMethod,
    String clientAddress,
    boolean restricted,
    EvidenceTimestamp timestamp,
    Instant fixityCheckedAt,
    Instant damagedAt,
    String fixityDetail,
    List<Access> custody,
    long custodyCount,
    Captured capture)
    implements Serializable {

  /** How the server's browser captured the file (null for uploads): the page and the exchange. */
  public record Captured(
      long id,
      String url,
      String finalUrl,
      Integer httpStatus,
      String remoteAddress,
      String browserVersion,
      Instant startedAt,
      Instant finishedAt)
      implements Serializable {}

  /** One access to the file: who, when, what, from where and (where asked) why. */
  public record Access(
      Instant at, String username, String name, Action action, String clientAddress, String reason)
      implements Serializable {}
}
