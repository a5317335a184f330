package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.notices.ResourceDecision;

/**
 * The resources of one notification, a page at a time, and the set-based statements of a decision
 * on many of them. A notification may hold thousands of resources: nothing here loads them all.
 * Access is checked by the callers ({@link NoticeService}).
 */
@Dependent
public class NoticeItemQueries {

  /** The largest explicit selection one request may name; larger ones go by filter. */
  public static final int MAX_SELECTED = 10_000;

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

  /** The notification's resources ({@code nr}) with their case resources ({@code cr}). */
  private static final String ITEMS =
      " from block_notice_resource nr join case_resource cr on cr.id = nr.resource_id"
          + " where nr.notice_id = :notice";

  /**
   * The conditions on {@code nr} and {@code cr} of the resources that match the filter, and are
   * among the chosen ones unless {@code itemIds} is null. Every statement below joins the two
   * tables directly (no subquery of ids), so that its plan stays linear in the resources decided.
   */
  private static String conditions(NoticeItemFilter f, Collection<Long> itemIds) {
    StringBuilder sql = new StringBuilder();
    if (f.urlPattern() != null) {
      sql.append(
          " and (lower(cr.url_normalized) like :url escape '!'"
              + " or lower(cr.url_original) like :url escape '!')");
    }
    if (f.hostName() != null) {
      sql.append(" and (lower(cr.host) = :host or lower(cr.host) like :subdomains escape '!')");
    }
    if (f.state() == NoticeItemFilter.State.PENDING) {
      sql.append(" and nr.decision is null");
    } else if (f.state() != null) {
      sql.append(" and nr.decision = :state");
    }
    if (itemIds != null) {
      sql.append(" and nr.id in (:ids)");
    }
    return sql.toString();
  }

  private static Query bind(Query q, long noticeId, NoticeItemFilter f, Collection<Long> itemIds) {
    q.setParameter("notice", noticeId);
    if (f.urlPattern() != null) {
      q.setParameter("url", f.urlPattern());
    }
    if (f.hostName() != null) {
      q.setParameter("host", f.hostName());
      q.setParameter("subdomains", f.subdomainPattern());
    }
    if (f.state() != null && f.state() != NoticeItemFilter.State.PENDING) {
      q.setParameter("state", f.state().name());
    }
    if (itemIds != null) {
      q.setParameter("ids", itemIds.isEmpty() ? List.of(-1L) : itemIds);
    }
    return q;
  }

  /** How many resources of the notification match the filter. */
  public long count(long noticeId, NoticeItemFilter f) {
    return ((Number)
            bind(
                    em.createNativeQuery("select count(*)" + ITEMS + conditions(f, null)),
                    noticeId,
                    f,
                    null)
                .getSingleResult())
        .longValue();
  }

  /** How many resources of the notification still wait for a decision. */
  public long pending(long noticeId) {
    return count(noticeId, new NoticeItemFilter(null, null, NoticeItemFilter.State.PENDING));
  }

  /** Whether any resource of the notification was returned with a question. */
  boolean anyReturned(long noticeId) {
    return count(noticeId, new NoticeItemFilter(null, null, NoticeItemFilter.State.RETURN)) > 0;
  }

  /** A page of the notification's resources matching the filter, in the order they were added. */
  @SuppressWarnings("unchecked")
  public List<NoticeDetails.Item> page(long noticeId, NoticeItemFilter f, int first, int size) {
    List<Long> ids =
        ((List<Number>)
                bind(
                        em.createNativeQuery(
                            "select nr.id" + ITEMS + conditions(f, null) + " order by nr.id"),
                        noticeId,
                        f,
                        null)
                    .setFirstResult(Math.max(0, first))
                    .setMaxResults(Math.max(1, Math.min(size, 200)))
                    .getResultList())
            .stream().map(Number::longValue).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        em.createQuery(
                "select nr.id, cr.urlOriginal, cr.urlNormalized, nr.decision, nr.decisionNumber,"
                    + " nr.decisionDate, nr.reason, nr.answer, nr.decidedBy, e.id, e.version,"
                    + " e.active, e.liftReason, e.liftedAt, e.liftedBy"
                    + " from NoticeResource nr join nr.resource cr"
                    + " left join RegistryEntry e on e.notice = nr.notice and e.resource = cr"
                    + " where nr.id in :ids order by nr.id",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList();
    Set<String> people = new HashSet<>();
    rows.forEach(r -> people.add((String) r[14]));
    Map<String, String> names = users.displayNames(people);
    List<NoticeDetails.Item> items = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      String liftedBy = (String) r[14];
      items.add(
          new NoticeDetails.Item(
              (Long) r[0],
              (String) r[1],
              (String) r[2],
              (ResourceDecision) r[3],
              (String) r[4],
              (LocalDate) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8],
              (Long) r[9],
              (Long) r[10],
              Boolean.TRUE.equals(r[11]),
              (String) r[12],
              (Instant) r[13],
              liftedBy,
              liftedBy == null ? null : names.getOrDefault(liftedBy, liftedBy)));
    }
    return items;
  }

  /**
   * Counts the selection: the resources matching the filter (and, unless {@code itemIds} is null,
   * among those chosen), and how many of them still wait for a decision.
   */
  long[] selected(long noticeId, NoticeItemFilter f, Collection<Long> itemIds) {
    Object[] row =
        (Object[])
            bind(
                    em.createNativeQuery(
                        "select count(*), count(*) filter (where nr.decision is null)"
                            + ITEMS
                            + conditions(f, itemIds)),
                    noticeId,
                    f,
                    itemIds)
                .getSingleResult();
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }

  /**
   * Records one decision on the selected resources that still wait for one, in one statement (the
   * registry enters the blocked ones after it). Returns how many it decided.
   */
  int decide(
      long noticeId,
      NoticeItemFilter f,
      Collection<Long> itemIds,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String text,
      String by,
      Instant at) {
    boolean block = decision == ResourceDecision.BLOCK;
    // Absent values are written as SQL nulls, not bound: an untyped null parameter has no type.
    Query update =
        em.createNativeQuery(
            "update block_notice_resource nr set decision = :decision, "
                + (block
                    ? "decision_number = :number, decision_date = :date, reason = null"
                    : "decision_number = null, decision_date = null, reason = :text")
                + ", decided_by = :by, decided_at = :at"
                + " from case_resource cr where cr.id = nr.resource_id"
                + " and nr.notice_id = :notice and nr.decision is null"
                + conditions(f, itemIds));
    bind(update, noticeId, f, itemIds)
        .setParameter("decision", decision.name())
        .setParameter("by", by)
        .setParameter("at", at);
    if (block) {
      update.setParameter("number", decisionNumber).setParameter("date", decisionDate);
    } else {
      update.setParameter("text", text);
    }
    return update.executeUpdate();
  }
}
