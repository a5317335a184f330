package kz.gov.dozor.ejb.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Like;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;

/** What administrators see of the audit log: their organisation's entries and the chain's state. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditService {

  /** Entries an organisation sees: its own people's, and anyone's about its data. */
  private static final String MINE = "(e.organisation = :org or e.owner_organisation = :org)";

  static final int MAX_PAGE = 200;

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private UserDirectory users;
  @Inject private AuditVerifier verifier;

  /**
   * The newest entries of the administrator's organisation that match {@code filter}, a page at a
   * time: what its people did and what anyone did to its data (a ministry officer downloading the
   * agency's evidence, a refused look at its cases).
   */
  public List<AuditRow> entries(AuditFilter filter, int first, int pageSize) {
    Caller admin = users.requireOrganisationMember();
    AuditFilter f = filter == null ? AuditFilter.any() : filter;
    // The page is chosen first, then its names are looked up: a join per listed row only.
    Query q =
        em.createNativeQuery(
            "select e.seq, e.occurred_at, e.actor, u.full_name, e.action, e.subject_type,"
                + " e.subject_id,"
                + " case e.subject_type when 'case' then c.registration_number"
                + " when 'notice' then n.outgoing_number"
                + " when 'evidence' then ec.registration_number end,"
                + " e.detail, e.client_address, e.hash, e.organisation, e.owner_organisation,"
                + " e.requested_url"
                + " from (select * from audit_entry e"
                + where(f)
                + " order by e.seq desc limit :pageSize offset :skip) e"
                + " left join portal_user u on u.username = e.actor"
                + " left join violation_case c on c.id = "
                + idOf("case")
                + " left join block_notice n on n.id = "
                + idOf("notice")
                + " left join evidence ev on ev.id = "
                + idOf("evidence")
                + " left join violation_case ec on ec.id = ev.case_id"
                + " order by e.seq desc");
    bind(q, admin, f);
    q.setParameter("pageSize", Math.max(1, Math.min(pageSize, MAX_PAGE)));
    q.setParameter("skip", Math.max(0, first));
    List<AuditRow> rows = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      rows.add(
          new AuditRow(
              ((Number) r[0]).longValue(),
              toInstant(r[1]),
              (String) r[2],
              (String) r[3],
              AuditAction.valueOf((String) r[4]),
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8],
              (String) r[9],
              ((String) r[10]).trim(),
              (String) r[11],
              (String) r[12],
              (String) r[13]));
    }
    return rows;
  }

  /** How many entries of the administrator's organisation match {@code filter}. */
  public long countEntries(AuditFilter filter) {
    Caller admin = users.requireOrganisationMember();
    AuditFilter f = filter == null ? AuditFilter.any() : filter;
    Query q = em.createNativeQuery("select count(*) from audit_entry e" + where(f));
    bind(q, admin, f);
    return ((Number) q.getSingleResult()).longValue();
  }

  /** The id of a subject of {@code type}, when the entry is about one (ids are kept as text). */
  private static String idOf(String type) {
    return "(case when e.subject_type = '"
        + type
        + "' and e.subject_id ~ '^[0-9]+$' and length(e.subject_id) < 19"
        + " then cast(e.subject_id as bigint) end)";
  }

  private static String where(AuditFilter f) {
    StringBuilder w = new StringBuilder(" where " + MINE);
    if (present(f.user())) {
      w.append(
          " and (lower(e.actor) like :user escape '!' or e.actor in (select p.username from"
              + " portal_user p where lower(p.full_name) like :user escape '!'))");
    }
    if (f.action() != null) {
      w.append(" and e.action = :action");
    }
    if (present(f.subject())) {
      // A case's entries with its evidence's and notifications', or one notification's.
      w.append(
          " and ((e.subject_type = 'case' and e.subject_id in (select cast(c.id as varchar)"
              + " from violation_case c where lower(c.registration_number) = :subject))"
              + " or (e.subject_type = 'evidence' and e.subject_id in (select cast(v.id as"
              + " varchar) from evidence v join violation_case c on c.id = v.case_id"
              + " where lower(c.registration_number) = :subject))"
              + " or (e.subject_type = 'notice' and e.subject_id in (select cast(n.id as varchar)"
              + " from block_notice n join violation_case c on c.id = n.case_id"
              + " where lower(n.outgoing_number) = :subject or lower(c.registration_number) = :subject)))");
    }
    if (f.from() != null) {
      w.append(" and e.occurred_at >= :dayFrom");
    }
    if (f.to() != null) {
      w.append(" and e.occurred_at < :dayTo");
    }
    return w.toString();
  }

  private static void bind(Query q, Caller admin, AuditFilter f) {
    q.setParameter("org", admin.organisation());
    if (present(f.user())) {
      q.setParameter("user", Like.contains(f.user()));
    }
    if (f.action() != null) {
      q.setParameter("action", f.action().name());
    }
    if (present(f.subject())) {
      q.setParameter("subject", f.subject().strip().toLowerCase(Locale.ROOT));
    }
    if (f.from() != null) {
      q.setParameter("dayFrom", startOf(f.from()));
    }
    if (f.to() != null) {
      q.setParameter("dayTo", startOf(f.to().plusDays(1)));
    }
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(Almaty.ZONE).toOffsetDateTime();
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
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
