package kz.gov.dozor.ejb.evidence.custody;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.inbox.Notifier;
import kz.gov.dozor.ejb.platform.Settings;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.evidence.EvidenceFixity;

/**
 * Fixity of the evidence store: each kept content is hashed again when it is served and by a
 * scheduled check (every node runs it; each takes its rows with {@code FOR UPDATE SKIP LOCKED}, the
 * longest unchecked first, each again after {@code DOZOR_FIXITY_INTERVAL_HOURS}). A file that no
 * longer has its SHA-256 is marked damaged: never served again as if intact, shown on its cases,
 * and its organisations' administrators are told once.
 */
@Stateless
@PermitAll
public class Fixity {

  static final int BATCH = 100;

  private static final Logger LOG = Logger.getLogger(Fixity.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private EvidenceStore store;
  @Inject private Clock clock;
  @Inject private AuditLog audit;
  @Inject private Notifier notifier;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void scheduled() {
    checkDue();
  }

  /**
   * Hashes again the contents whose last check is older than the interval; how many were damaged.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int checkDue() {
    Instant now = clock.instant();
    Duration interval =
        Duration.ofHours(
            Long.parseLong(
                Settings.get("dozor.fixity.interval", "DOZOR_FIXITY_INTERVAL_HOURS", "24")));
    @SuppressWarnings("unchecked")
    List<EvidenceFixity> due =
        em.createNativeQuery(
                "select * from evidence_fixity where checked_at < ?1 and damaged_at is null"
                    + " order by checked_at limit "
                    + BATCH
                    + " for update skip locked",
                EvidenceFixity.class)
            .setParameter(1, Timestamp.from(now.minus(interval)))
            .getResultList();
    int damaged = 0;
    for (EvidenceFixity f : due) {
      String problem = rehash(f.getSha256().strip());
      if (problem == null) {
        f.intact(now);
      } else if (damaged(f, problem, now)) {
        damaged++;
      }
    }
    return damaged;
  }

  /**
   * What is wrong with the kept file of {@code sha256}: null when it still has that hash, else what
   * was found (another hash, or no file).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public String rehash(String sha256) {
    Path file = store.pathOf(sha256);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String found = HexFormat.of().formatHex(sha.digest());
      return found.equals(sha256) ? null : "the file's SHA-256 is now " + found;
    } catch (NoSuchFileException e) {
      return "the file is missing";
    } catch (IOException e) {
      return "the file cannot be read: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records that the file of {@code sha256} is damaged; kept whatever the caller's work does. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markDamaged(String sha256, String problem) {
    EvidenceFixity f = em.find(EvidenceFixity.class, sha256);
    if (f != null) {
      damaged(f, problem, clock.instant());
    }
  }

  /** Whether the file of {@code sha256} is known to be damaged. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean isDamaged(String sha256) {
    return !damagedOf(List.of(sha256)).isEmpty();
  }

  /** Of these contents, those known to be damaged. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<String> damagedOf(Collection<String> sha256s) {
    if (sha256s.isEmpty()) {
      return Set.of();
    }
    return em.createQuery(
            "select f.sha256 from EvidenceFixity f where f.sha256 in :h and f.damagedAt is not null",
            String.class)
        .setParameter("h", sha256s)
        .getResultStream()
        .map(String::strip)
        .collect(Collectors.toSet());
  }

  /** Marks it damaged; the first time, audits it per evidence item and tells the administrators. */
  private boolean damaged(EvidenceFixity f, String problem, Instant now) {
    if (!f.damaged(now, problem)) {
      return false;
    }
    LOG.severe(() -> "EVIDENCE DAMAGED: " + f.getSha256() + ": " + problem);
    List<Evidence> items =
        em.createQuery("select e from Evidence e where e.sha256 = :h", Evidence.class)
            .setParameter("h", f.getSha256().strip())
            .getResultList();
    for (Evidence e : items) {
      var vc = e.getViolationCase();
      audit.record(
          AuditAction.EVIDENCE_DAMAGED,
          "evidence",
          e.getId(),
          e.getFileName() + " sha256=" + e.getSha256() + ": " + problem,
          null);
      notifier.tell(
          notifier.holders(vc.getOrganisation(), Roles.ADMIN),
          "inbox.evidenceDamaged",
          List.of(e.getFileName(), vc.getRegistrationNumber()),
          "/cases/view.xhtml?id=" + vc.getId());
    }
    return true;
  }
}
