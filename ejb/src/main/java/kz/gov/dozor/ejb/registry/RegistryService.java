package kz.gov.dozor.ejb.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/**
 * The registry of restricted resources: read by both organisations, a page at a time; written only
 * here. Every change (the blocks of a decision, a lift, a correction) takes the next registry
 * version, which providers' deltas are counted in.
 */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
public class RegistryService {

  /** The body whose decisions the registry records. */
  public static final String ISSUING_BODY = "MCI";

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

  // ---- writing ----

  /**
   * Enters in the registry every resource of the notification decided "block" that has no entry yet
   * (one decision or many at once): one registry version for all of them. Returns how many.
   */
  @RolesAllowed(Roles.OFFICER)
  public int recordBlocks(long noticeId, String by, Instant at) {
    ministryOnly();
    em.flush();
    long v = lockNextVersion();
    Object[] made =
        (Object[])
            em.createNativeQuery(
                    "with ins as (insert into registry_entry (id, version, resource_id, notice_id,"
                        + " url, url_normalized, host, block_type, urgent, notice_number,"
                        + " decision_number, decision_date, issuing_body, blocked_at, blocked_by,"
                        + " active, included_version, changed_version)"
                        + " select nextval('registry_entry_seq'), 0, nr.resource_id, nr.notice_id,"
                        + " cr.url_original, cr.url_normalized, cr.host, 'URL',"
                        + " coalesce(cat.urgent_blocking, false),"
                        + " coalesce(n.outgoing_number, 'N-' || n.id), nr.decision_number,"
                        + " nr.decision_date, :body, :at, :by, true, :v, :v"
                        + " from block_notice_resource nr"
                        + " join case_resource cr on cr.id = nr.resource_id"
                        + " join block_notice n on n.id = nr.notice_id"
                        + " join violation_case vc on vc.id = n.case_id"
                        + " left join category cat on cat.code = vc.category_code"
                        + " where nr.notice_id = :notice and nr.decision = 'BLOCK'"
                        + " and not exists (select 1 from registry_entry e"
                        + " where e.resource_id = nr.resource_id and e.notice_id = nr.notice_id)"
                        + " order by nr.id returning urgent)"
                        + " select count(*), coalesce(bool_or(urgent), false) from ins")
                .setParameter("body", ISSUING_BODY)
                .setParameter("at", at)
                .setParameter("by", by)
                .setParameter("v", v)
                .setParameter("notice", noticeId)
                .getSingleResult();
    int count = ((Number) made[0]).intValue();
    if (count > 0) {
      changed(v, "BLOCK", count, (Boolean) made[1], by, at);
    }
    return count;
  }

  /** Lifts a block (the caller has checked why and may): providers see it removed. */
  @RolesAllowed(Roles.OFFICER)
  public void lift(RegistryEntry entry, String by, String reason, Instant at) {
    ministryOnly();
    long v = lockNextVersion();
    entry.lift(by, reason, at, v);
    changed(v, "LIFT", 1, entry.isUrgent(), by, at);
  }

  /** The next version, with the registry locked for this change until it commits. */
  private long lockNextVersion() {
    Number v =
        (Number)
            em.createNativeQuery("select version from registry_state where id = 1 for update")
                .getSingleResult();
    return v.longValue() + 1;
  }

  private void changed(long v, String kind, int entries, boolean urgent, String by, Instant at) {
    em.flush();
    em.createNativeQuery("update registry_state set version = :v, changed_at = :at where id = 1")
        .setParameter("v", v)
        .setParameter("at", at)
        .executeUpdate();
    em.createNativeQuery(
            "insert into registry_change (version, changed_at, kind, entries, urgent, changed_by)"
                + " values (:v, :at, :kind, :entries, :urgent, :by)")
        .setParameter("v", v)
        .setParameter("at", at)
        .setParameter("kind", kind)
        .setParameter("entries", entries)
        .setParameter("urgent", urgent)
        .setParameter("by", by)
        .executeUpdate();
  }

  private void ministryOnly() {
    if (!Organisations.MCI.equals(users.requireOrganisationMember().organisation())) {
      throw new AccessDeniedException("access.ministryOnly");
    }
  }

  // ---- reading ----

  /**
   * Entries, newest first; {@code active} null for all, {@code urlText} anywhere in the URL. Who
   * lifted a block is named as every page names people ({@link UserDirectory#displayNames}).
   */
  public List<RegistryRow> find(Boolean active, String urlText, int first, int pageSize) {
    TypedQuery<RegistryRow> q =
        em.createQuery(
            "select new kz.gov.dozor.ejb.registry.RegistryRow(e.id, e.url, e.urlNormalized,"
                + " e.decisionNumber, e.decisionDate, e.issuingBody, e.notice.outgoingNumber,"
                + " e.notice.id, e.blockedAt, e.active, e.liftedAt, e.liftReason, e.liftedBy,"
                + " e.liftedBy)"
                + " from RegistryEntry e"
                + where(active, urlText)
                + " order by e.blockedAt desc, e.id desc",
            RegistryRow.class);
    bind(q, active, urlText);
    List<RegistryRow> rows =
        q.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(pageSize, 200)))
            .getResultList();
    Map<String, String> names =
        users.displayNames(rows.stream().map(RegistryRow::liftedBy).toList());
    return rows.stream().map(r -> r.withLiftedByName(names.get(r.liftedBy()))).toList();
  }

  public long count(Boolean active, String urlText) {
    TypedQuery<Long> q =
        em.createQuery("select count(e) from RegistryEntry e" + where(active, urlText), Long.class);
    bind(q, active, urlText);
    return q.getSingleResult();
  }

  private static String where(Boolean active, String urlText) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (active != null) {
      w.append(" and e.active = :active");
    }
    if (urlText != null && !urlText.isBlank()) {
      w.append(" and lower(e.urlNormalized) like :url escape '!'");
    }
    return w.toString();
  }

  private static void bind(TypedQuery<?> q, Boolean active, String urlText) {
    if (active != null) {
      q.setParameter("active", active);
    }
    if (urlText != null && !urlText.isBlank()) {
      String t = urlText.strip().toLowerCase(Locale.ROOT);
      q.setParameter("url", "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
  }
}
