package kz.gov.dozor.ejb.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.audit.AuditEntry;

/**
 * Appends to the audit log on behalf of the current caller. An entry joins the caller's
 * transaction, so a change that rolls back leaves no entry; a refused attempt is recorded in a
 * transaction of its own, because the refusal rolls the caller's back.
 */
@Stateless
@PermitAll
public class AuditLog {

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private UserDirectory users;
  @Inject private Clock clock;

  /** Records what the current caller did to a subject, in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      AuditAction action, String subjectType, Object subjectId, String detail, String client) {
    append(action, subjectType, subjectId, detail, client);
  }

  /** Records a refused attempt; it stays recorded whatever happens to the caller's work. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordDenied(String subjectType, Object subjectId, String detail, String client) {
    append(AuditAction.ACCESS_DENIED, subjectType, subjectId, detail, client);
  }

  private void append(
      AuditAction action, String subjectType, Object subjectId, String detail, String client) {
    String actor = ctx.getCallerPrincipal().getName();
    String organisation = users.currentCaller().organisation();
    // The head row's lock is held until this transaction ends: writers take turns, so every
    // entry extends the one committed before it and the chain never forks.
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "select last_seq, last_hash from audit_head where id = 1 for update")
                .getSingleResult();
    long seq = ((Number) head[0]).longValue() + 1;
    String prev = ((String) head[1]).trim();
    // PostgreSQL keeps microseconds: hash exactly what will be read back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String subject = subjectId == null ? null : subjectId.toString();
    String hash =
        AuditHash.of(
            prev,
            seq,
            at,
            actor,
            organisation,
            action.name(),
            subjectType,
            subject,
            detail,
            client);
    em.persist(
        new AuditEntry(
            seq,
            at,
            actor,
            organisation,
            action,
            subjectType,
            subject,
            detail,
            client,
            prev,
            hash));
    em.flush();
    em.createNativeQuery("update audit_head set last_seq = ?1, last_hash = ?2 where id = 1")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .executeUpdate();
  }
}
