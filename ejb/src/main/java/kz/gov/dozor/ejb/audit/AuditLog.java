package kz.gov.dozor.ejb.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.audit.AuditEntry;
import kz.gov.dozor.persistence.users.PortalUser;

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
  @Inject private Clock clock;
  @Inject private RequestOrigin origin;

  /** Longest requested address kept; longer ones are cut. */
  static final int MAX_URL = 2000;

  /**
   * Records what the current caller did to a subject, in the caller's transaction. The subject's
   * owning organisation is looked up (cases, evidence, notifications), so that its administrator
   * sees the entry too.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      AuditAction action, String subjectType, Object subjectId, String detail, String client) {
    append(action, subjectType, subjectId, detail, client, null, false);
  }

  /**
   * Records a refused attempt; it stays recorded whatever happens to the caller's work. The
   * request's address (with its query) is kept, and the owner of the subject sees it too.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordDenied(String subjectType, Object subjectId, String detail, String client) {
    append(AuditAction.ACCESS_DENIED, subjectType, subjectId, detail, client, null, true);
  }

  /**
   * Records a request refused at the door (a page or file closed to the user's role), with the
   * address it asked for; the owner of the subject, when the address names one, sees it too.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordDeniedRequest(
      String subjectType, Object subjectId, String detail, String client, String requestedUrl) {
    appendEntry(
        AuditAction.ACCESS_DENIED,
        subjectType,
        subjectId,
        detail,
        client,
        ownerOf(subjectType, subjectId),
        requestedUrl);
  }

  private void append(
      AuditAction action,
      String subjectType,
      Object subjectId,
      String detail,
      String client,
      String owner,
      boolean keepRequest) {
    String url = null;
    String from = client;
    try {
      if (keepRequest) {
        url = origin.requestedUrl();
      }
      if (from == null) {
        from = origin.clientAddress();
      }
    } catch (ContextNotActiveException outsideARequest) {
      // a timer or a start-up task: no request to keep
    }
    appendEntry(
        action,
        subjectType,
        subjectId,
        detail,
        from,
        owner != null ? owner : ownerOf(subjectType, subjectId),
        url);
  }

  /** The organisation owning a case, an evidence item or a notification; null for others. */
  String ownerOf(String subjectType, Object subjectId) {
    if (subjectType == null || subjectId == null) {
      return null;
    }
    long id;
    try {
      id = Long.parseLong(subjectId.toString());
    } catch (NumberFormatException notAnId) {
      return null;
    }
    String sql =
        switch (subjectType) {
          case "case" -> "select organisation from violation_case where id = ?1";
          case "evidence" ->
              "select c.organisation from evidence e join violation_case c on c.id = e.case_id"
                  + " where e.id = ?1";
          case "notice" -> "select organisation from block_notice where id = ?1";
          default -> null;
        };
    if (sql == null) {
      return null;
    }
    List<?> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  private void appendEntry(
      AuditAction action,
      String subjectType,
      Object subjectId,
      String detail,
      String client,
      String owner,
      String requestedUrl) {
    String actor = ctx.getCallerPrincipal().getName();
    // Read from the directory's table, not through the users feature: it reports to this log.
    PortalUser user = em.find(PortalUser.class, actor);
    String organisation = user == null ? null : user.getOrganisation();
    String url =
        requestedUrl == null || requestedUrl.length() <= MAX_URL
            ? requestedUrl
            : requestedUrl.substring(0, MAX_URL);
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
            client,
            owner,
            url);
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
            owner,
            url,
            prev,
            hash));
    em.flush();
    em.createNativeQuery("update audit_head set last_seq = ?1, last_hash = ?2 where id = 1")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .executeUpdate();
  }
}
