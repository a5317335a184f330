package kz.gov.dozor.ejb.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import kz.gov.dozor.persistence.audit.AuditEntry;

/**
 * Walks the whole audit chain in order, a page at a time, and recomputes every hash: an edited
 * entry no longer matches its hash, a deleted one leaves a gap, reordered ones no longer link.
 */
@Stateless
@PermitAll
public class AuditVerifier {

  static final int PAGE = 1000;

  private static final Logger LOG = Logger.getLogger(AuditVerifier.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Schedule(hour = "*", minute = "41", persistent = false)
  void scheduled() {
    verifyAndRecord("system");
  }

  /** Checks the chain and keeps the result for the administrators' page. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ChainVerification verifyAndRecord(String by) {
    ChainVerification v = verify(by);
    em.createNativeQuery(
            "insert into audit_verification (id, verified_at, verified_by, intact, checked,"
                + " broken_at, problem) values (nextval('audit_verification_seq'), ?1, ?2, ?3,"
                + " ?4, ?5, ?6)")
        .setParameter(1, java.sql.Timestamp.from(v.verifiedAt()))
        .setParameter(2, by)
        .setParameter(3, v.intact())
        .setParameter(4, v.checked())
        .setParameter(5, v.brokenAt())
        .setParameter(6, v.problem())
        .executeUpdate();
    if (!v.intact()) {
      LOG.severe(() -> "AUDIT CHAIN BROKEN at entry " + v.brokenAt() + ": " + v.problem());
    }
    return v;
  }

  /** Checks the chain without recording the result. */
  public ChainVerification verify(String by) {
    long expectedSeq = 1;
    String expectedPrev = AuditHash.GENESIS;
    long checked = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "select e from AuditEntry e where e.seq >= :from order by e.seq",
                  AuditEntry.class)
              .setParameter("from", expectedSeq)
              .setMaxResults(PAGE)
              .getResultList();
      for (AuditEntry e : page) {
        if (e.getSeq() != expectedSeq) {
          return broken(by, checked, expectedSeq, "missing");
        }
        if (!e.getPrevHash().trim().equals(expectedPrev)) {
          return broken(by, checked, e.getSeq(), "out of order: does not follow the entry before");
        }
        String hash =
            AuditHash.of(
                e.getPrevHash().trim(),
                e.getSeq(),
                e.getOccurredAt(),
                e.getActor(),
                e.getOrganisation(),
                e.getAction().name(),
                e.getSubjectType(),
                e.getSubjectId(),
                e.getDetail(),
                e.getClientAddress(),
                e.getOwnerOrganisation(),
                e.getRequestedUrl());
        if (!hash.equals(e.getHash().trim())) {
          return broken(by, checked, e.getSeq(), "changed: its content no longer matches its hash");
        }
        expectedPrev = hash;
        expectedSeq++;
        checked++;
      }
      em.clear();
      if (page.size() < PAGE) {
        break;
      }
    }
    Object[] head =
        (Object[])
            em.createNativeQuery("select last_seq, last_hash from audit_head where id = 1")
                .getSingleResult();
    if (((Number) head[0]).longValue() != expectedSeq - 1
        || !((String) head[1]).trim().equals(expectedPrev)) {
      return broken(by, checked, expectedSeq, "missing: the latest entries were removed");
    }
    return new ChainVerification(clock.instant(), by, true, checked, null, null);
  }

  private ChainVerification broken(String by, long checked, long at, String problem) {
    return new ChainVerification(clock.instant(), by, false, checked, at, problem);
  }
}
