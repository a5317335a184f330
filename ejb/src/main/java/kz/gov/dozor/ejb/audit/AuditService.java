package kz.gov.dozor.ejb.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;

/** What administrators see of the audit log: their organisation's entries and the chain's state. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditService {

  /** Entries an organisation sees: its own people's, and anyone's about its data. */
  private static final String MINE = "(e.organisation = :org or e.ownerOrganisation = :org)";

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private UserDirectory users;
  @Inject private AuditVerifier verifier;

  /**
   * The newest entries of the administrator's organisation, a page at a time: what its people did
   * and what anyone did to its data (a ministry officer downloading the agency's evidence, a
   * refused look at its cases).
   */
  public List<AuditRow> entries(int first, int pageSize) {
    Caller admin = users.requireOrganisationMember();
    return em.createQuery(
            "select new kz.gov.dozor.ejb.audit.AuditRow(e.seq, e.occurredAt, e.actor, e.action,"
                + " e.subjectType, e.subjectId, e.detail, e.clientAddress, e.hash, e.organisation,"
                + " e.ownerOrganisation, e.requestedUrl)"
                + " from AuditEntry e where "
                + MINE
                + " order by e.seq desc",
            AuditRow.class)
        .setParameter("org", admin.organisation())
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(pageSize, 200)))
        .getResultList();
  }

  public long countEntries() {
    Caller admin = users.requireOrganisationMember();
    return em.createQuery("select count(e) from AuditEntry e where " + MINE, Long.class)
        .setParameter("org", admin.organisation())
        .getSingleResult();
  }

  /** The most recent check of the chain, scheduled or asked for. */
  public Optional<ChainVerification> lastVerification() {
    List<?> rows =
        em.createNativeQuery(
                "select verified_at, verified_by, intact, checked, broken_at, problem"
                    + " from audit_verification order by id desc limit 1")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new ChainVerification(
            toInstant(r[0]),
            (String) r[1],
            (Boolean) r[2],
            ((Number) r[3]).longValue(),
            r[4] == null ? null : ((Number) r[4]).longValue(),
            (String) r[5]));
  }

  /** Checks the whole chain now. */
  public ChainVerification verifyNow() {
    return verifier.verifyAndRecord(ctx.getCallerPrincipal().getName());
  }

  private static java.time.Instant toInstant(Object value) {
    if (value instanceof java.time.Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
