package kz.gov.dozor.ejb.intake;

import static kz.gov.dozor.ejb.platform.NativeValues.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.cases.CaseGuard;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.intake.TriageStatus;

/** Reading the triage queue of the caller's organisation: pages, capped counts, hosts. */
@Stateless
@RolesAllowed(Roles.INVESTIGATOR)
public class TriageQueries {

  /** Counts stop here: beyond it the page says "more than". */
  public static final int COUNT_CAP = 10_000;

  /** The most hosts the "by host" view lists. */
  public static final int MAX_HOSTS = 100;

  @PersistenceContext private EntityManager em;
  @Inject private CaseGuard guard;
  @Inject private UserDirectory users;
  @Inject private Clock clock;

  /** One page of the queue, in the chosen order (newest or highest first unless ascending). */
  public List<TriageRow> find(
      TriageQuery query, int first, int pageSize, TriageSort sort, boolean ascending) {
    Caller caller = guard.agencyCaller();
    Map<String, Object> params = new HashMap<>();
    String where = TriageFilter.where(query, caller.organisation(), params);
    TriageSort order = sort == null ? TriageSort.LAST_SEEN : sort;
    // Matches the indexes: (… score desc nulls last, id desc), scanned backwards when ascending.
    String dir = ascending ? " asc" : " desc";
    String nulls = order == TriageSort.SCORE ? (ascending ? " nulls first" : " nulls last") : "";
    Query q =
        em.createNativeQuery(
            "select t.id, t.url_original, t.host, t.platform, t.category_code, t.score,"
                + " t.first_seen_at, t.last_seen_at, t.seen_count, t.source_count, t.status,"
                + " t.taken_by, t.taken_until, t.case_id, c.registration_number,"
                + " t.dismissal_reason"
                + " from triage_item t left join violation_case c on c.id = t.case_id"
                + where
                + " order by "
                + order.column
                + dir
                + nulls
                + ", t.id"
                + dir);
    TriageFilter.bind(q, params);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        q.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(pageSize, 200)))
            .getResultList();
    Instant now = clock.instant();
    Map<String, String> names =
        users.displayNames(
            rows.stream().map(r -> (String) r[11]).filter(java.util.Objects::nonNull).toList());
    return rows.stream()
        .map(
            r -> {
              Instant until = instant(r[12]);
              boolean held = r[11] != null && until != null && until.isAfter(now);
              String holder = held ? (String) r[11] : null;
              return new TriageRow(
                  ((Number) r[0]).longValue(),
                  (String) r[1],
                  (String) r[2],
                  Platform.valueOf((String) r[3]),
                  (String) r[4],
                  (BigDecimal) r[5],
                  instant(r[6]),
                  instant(r[7]),
                  ((Number) r[8]).intValue(),
                  ((Number) r[9]).intValue(),
                  TriageStatus.valueOf((String) r[10]),
                  holder,
                  holder == null ? null : names.getOrDefault(holder, holder),
                  holder != null && holder.equals(caller.username()),
                  held ? until : null,
                  r[13] == null ? null : ((Number) r[13]).longValue(),
                  (String) r[14],
                  (String) r[15]);
            })
        .toList();
  }

  /**
   * How many items match, up to {@link #COUNT_CAP} and for a bounded time ({@link MatchCount}), so
   * that the count costs the same on ten thousand rows as on ten million.
   */
  public MatchCount count(TriageQuery query) {
    Caller caller = guard.agencyCaller();
    Map<String, Object> params = new HashMap<>();
    String where = TriageFilter.where(query, caller.organisation(), params);
    Query q = em.createNativeQuery("select t.id from triage_item t" + where);
    TriageFilter.bind(q, params);
    return MatchCount.of(q, COUNT_CAP);
  }

  /**
   * The hosts with most items among the {@link #COUNT_CAP} most recently seen that match, most
   * first (the filter's host left out). Bounded like the count, so that grouping costs the same on
   * millions of pending items as on thousands; the page says so.
   */
  public List<HostCount> hosts(TriageQuery query) {
    Caller caller = guard.agencyCaller();
    Map<String, Object> params = new HashMap<>();
    String where =
        TriageFilter.where(
            query == null ? null : query.withHost(null), caller.organisation(), params);
    Query q =
        em.createNativeQuery(
            "select h.host, count(*) from (select t.host from triage_item t"
                + where
                + " order by t.last_seen_at desc, t.id desc limit "
                + COUNT_CAP
                + ") h group by h.host order by count(*) desc, h.host limit "
                + MAX_HOSTS);
    TriageFilter.bind(q, params);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(r -> new HostCount((String) r[0], ((Number) r[1]).longValue()))
        .toList();
  }
}
