package kz.gov.dozor.ejb.evidence.timestamps;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.persistence.evidence.TrustedTimestamp;

/**
 * Fetches the timestamps that wait, on a timer that runs on every node (each takes its rows with
 * {@code FOR UPDATE SKIP LOCKED}); asks daily for a timestamp of the audit chain's head. An
 * unreachable authority leaves the rows waiting, to be asked again later, longer each time.
 */
@Stateless
@PermitAll
public class Timestamps {

  static final int BATCH = 20;

  private static final Logger LOG = Logger.getLogger(Timestamps.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private TimestampAuthority authority;
  @Inject private TimestampSettings settings;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void retry() {
    stampDue();
  }

  @Schedule(hour = "*", minute = "5", persistent = false)
  void daily() {
    requestAuditHead();
  }

  /**
   * Asks the authority for every timestamp that is due, a batch at a time; returns how many were
   * stamped. Once the authority is unreachable the rest of the batch waits without being tried.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int stampDue() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<TrustedTimestamp> due =
        em.createNativeQuery(
                "select * from trusted_timestamp where token is null and next_attempt_at <= ?1"
                    + " order by attempts, id limit "
                    + BATCH
                    + " for update skip locked",
                TrustedTimestamp.class)
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    int stamped = 0;
    TimestampUnavailableException down = null;
    for (TrustedTimestamp t : due) {
      if (down != null) {
        t.failed(down.getMessage(), now, settings.retryAfter(t.getAttempts() + 1));
        continue;
      }
      try {
        TimestampToken token = authority.stamp(HexFormat.of().parseHex(t.getSha256().trim()));
        t.stamped(token.der(), token.time(), token.serial(), token.authority());
        stamped++;
      } catch (TimestampUnavailableException e) {
        t.failed(e.getMessage(), now, settings.retryAfter(t.getAttempts() + 1));
        LOG.log(
            Level.WARNING,
            "no timestamp for {0} {1} (attempt {2}): {3}",
            new Object[] {t.getSubject(), t.getSha256(), t.getAttempts(), e.getMessage()});
        if (e.unreachable()) {
          down = e;
        }
      }
    }
    return stamped;
  }

  /**
   * Asks for a timestamp of the audit chain's head for today (Almaty), unless today's was asked for
   * already or the head has not moved since the last one; true if one was asked for.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean requestAuditHead() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Almaty.ZONE);
    return em.createNativeQuery(
                "insert into trusted_timestamp (subject, sha256, audit_seq, audit_day)"
                    + " select 'AUDIT_HEAD', last_hash, last_seq, ?1 from audit_head"
                    + " where last_seq > 0 on conflict do nothing")
            .setParameter(1, today)
            .executeUpdate()
        > 0;
  }

  /** Where the timestamps of these contents stand, by SHA-256. */
  public Map<String, EvidenceTimestamp> ofEvidence(Collection<String> sha256s) {
    Map<String, EvidenceTimestamp> result = new HashMap<>();
    stampsOf(sha256s).forEach((sha, t) -> result.put(sha, view(t)));
    return result;
  }

  /** The timestamp rows of these contents (stamped or waiting), by SHA-256. */
  public Map<String, TrustedTimestamp> stampsOf(Collection<String> sha256s) {
    Map<String, TrustedTimestamp> result = new HashMap<>();
    if (sha256s.isEmpty()) {
      return result;
    }
    em.createQuery(
            "select t from TrustedTimestamp t where t.subject = :s and t.sha256 in :h",
            TrustedTimestamp.class)
        .setParameter("s", TrustedTimestamp.Subject.EVIDENCE)
        .setParameter("h", sha256s)
        .getResultList()
        .forEach(t -> result.put(t.getSha256().trim(), t));
    return result;
  }

  /** The token of a content, if it has one. */
  public byte[] tokenOf(String sha256) {
    return em.createQuery(
            "select t from TrustedTimestamp t where t.subject = :s and t.sha256 = :h",
            TrustedTimestamp.class)
        .setParameter("s", TrustedTimestamp.Subject.EVIDENCE)
        .setParameter("h", sha256)
        .getResultStream()
        .findFirst()
        .map(TrustedTimestamp::getToken)
        .orElse(null);
  }

  /** The latest timestamped audit head, or null. */
  public TrustedTimestamp latestAuditHead() {
    return em.createQuery(
            "select t from TrustedTimestamp t where t.subject = :s and t.token is not null"
                + " order by t.auditSeq desc",
            TrustedTimestamp.class)
        .setParameter("s", TrustedTimestamp.Subject.AUDIT_HEAD)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** The latest timestamp of the audit chain's head, for the administrators' page; or null. */
  public AuditHeadStamp headStamp() {
    TrustedTimestamp t = latestAuditHead();
    return t == null
        ? null
        : new AuditHeadStamp(
            t.getAuditSeq(), t.getSha256().strip(), t.getStampedAt(), t.getAuthority());
  }

  /** Where the configured authority is. */
  public String authority() {
    return authority.describe();
  }

  private static EvidenceTimestamp view(TrustedTimestamp t) {
    return new EvidenceTimestamp(
        t.getSha256().trim(),
        t.getStampedAt(),
        t.getAuthority(),
        t.getAttempts(),
        t.getLastError(),
        t.getNextAttemptAt());
  }
}
