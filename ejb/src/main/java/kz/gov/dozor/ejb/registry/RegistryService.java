package kz.gov.dozor.ejb.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.MatchCount;
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

  /**
   * Corrects an active entry's decision number and date (the caller has checked why and may):
   * providers see it changed in the next delta, its hash recomputed.
   */
  @RolesAllowed(Roles.OFFICER)
  public void correct(
      RegistryEntry entry, String decisionNumber, LocalDate decisionDate, String by, Instant at) {
    ministryOnly();
    long v = lockNextVersion();
    entry.correct(decisionNumber, decisionDate, v);
    changed(v, "CORRECTION", 1, entry.isUrgent(), by, at);
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

  /** The bodies whose decisions the registry holds, for the page's filter. */
  public List<String> bodies() {
    return List.of(ISSUING_BODY);
  }

  /**
   * Entries matching the filter, newest first. Who entered and who lifted a block are named as
   * every page names people ({@link UserDirectory#displayNames}).
   */
  public List<RegistryRow> find(RegistryFilter f, int first, int pageSize) {
    TypedQuery<RegistryRow> q =
        em.createQuery(
            SELECT_ROW + where(f) + " order by e.blockedAt desc, e.id desc", RegistryRow.class);
    bind(q, f);
    List<RegistryRow> rows =
        q.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(pageSize, 200)))
            .getResultList();
    return named(rows);
  }

  private static final String SELECT_ROW =
      "select new kz.gov.dozor.ejb.registry.RegistryRow(e.id, e.url, e.urlNormalized,"
          + " e.decisionNumber, e.decisionDate, e.issuingBody, e.noticeNumber,"
          + " e.notice.id, e.blockedAt, e.active, e.liftedAt, e.liftReason, e.liftedBy,"
          + " e.liftedBy, e.blockedBy, e.blockedBy, e.urgent, e.version)"
          + " from RegistryEntry e";

  private List<RegistryRow> named(List<RegistryRow> rows) {
    List<String> people = new java.util.ArrayList<>();
    rows.forEach(
        r -> {
          people.add(r.liftedBy());
          people.add(r.blockedBy());
        });
    Map<String, String> names = users.displayNames(people);
    return rows.stream()
        .map(r -> r.named(names.get(r.blockedBy()), names.get(r.liftedBy())))
        .toList();
  }

  /** Entries by state ({@code active} null for all) and URL text, newest first. */
  public List<RegistryRow> find(Boolean active, String urlText, int first, int pageSize) {
    return find(new RegistryFilter(active, urlText, null, null, null, null, null), first, pageSize);
  }

  /** How many entries have the state and URL text (exact, up to the count's cap). */
  public long count(Boolean active, String urlText) {
    return count(new RegistryFilter(active, urlText, null, null, null, null, null)).count();
  }

  /** How many entries match, counted up to 10,000 and for a bounded time. */
  public MatchCount count(RegistryFilter f) {
    jakarta.persistence.Query q = em.createQuery("select e.id from RegistryEntry e" + where(f));
    bind(q, f);
    return MatchCount.of(q, COUNT_CAP);
  }

  public static final int COUNT_CAP = 10_000;

  /** The most rows one export of the page's list holds (a spreadsheet's limit is near). */
  public static final int EXPORT_CAP = 1_000_000;

  /**
   * Every entry matching the filter, newest first, handed to {@code sink} a batch at a time as a
   * cursor reads them: an export of any size keeps one batch in memory.
   */
  public void export(RegistryFilter f, java.util.function.Consumer<List<RegistryRow>> sink) {
    TypedQuery<RegistryRow> q =
        em.createQuery(
            SELECT_ROW + where(f) + " order by e.blockedAt desc, e.id desc", RegistryRow.class);
    bind(q, f);
    q.setMaxResults(EXPORT_CAP).setHint("org.hibernate.fetchSize", 1000);
    List<RegistryRow> batch = new java.util.ArrayList<>(1000);
    try (java.util.stream.Stream<RegistryRow> rows = q.getResultStream()) {
      java.util.Iterator<RegistryRow> it = rows.iterator();
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() == 1000) {
          sink.accept(named(batch));
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      sink.accept(named(batch));
    }
  }

  private static String where(RegistryFilter f) {
    StringBuilder w = new StringBuilder(" where 1 = 1");
    if (f.active() != null) {
      w.append(" and e.active = :active");
    }
    if (present(f.urlText())) {
      w.append(" and lower(e.urlNormalized) like lower(:url) escape '!'");
    }
    if (present(f.decisionNumber())) {
      // lower() on both sides: the database's byte-order collation lowers ASCII letters only.
      w.append(" and lower(e.decisionNumber) like lower(:decision) escape '!'");
    }
    if (present(f.body())) {
      w.append(" and e.issuingBody = :body");
    }
    if (f.from() != null) {
      w.append(" and e.blockedAt >= :from");
    }
    if (f.to() != null) {
      w.append(" and e.blockedAt < :to");
    }
    if (f.urgent() != null) {
      w.append(" and e.urgent = :urgent");
    }
    return w.toString();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static void bind(jakarta.persistence.Query q, RegistryFilter f) {
    if (f.active() != null) {
      q.setParameter("active", f.active());
    }
    if (present(f.urlText())) {
      q.setParameter("url", contains(f.urlText()));
    }
    if (present(f.decisionNumber())) {
      q.setParameter("decision", contains(f.decisionNumber()));
    }
    if (present(f.body())) {
      q.setParameter("body", f.body().strip());
    }
    if (f.from() != null) {
      q.setParameter("from", f.from().atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (f.to() != null) {
      q.setParameter("to", f.to().plusDays(1).atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (f.urgent() != null) {
      q.setParameter("urgent", f.urgent());
    }
  }

  private static String contains(String text) {
    String t = text.strip();
    return "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
