package kz.gov.dozor.ejb.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.persistence.cases.Platform;

/**
 * The resources of one case, a page at a time, filtered and counted by the database, each with the
 * ministry's answer on it. A case may hold {@link CaseService#MAX_RESOURCES} resources: nothing
 * here loads them all. Access is checked by the callers ({@link CaseService}).
 */
@Dependent
public class CaseResourceQueries {

  /** The largest page one request gets. */
  public static final int MAX_PAGE = 200;

  @PersistenceContext private EntityManager em;
  @Inject private CaseNoticeQueries notices;

  /**
   * The latest notification row of the resource ({@code last}): its decision, the notification's
   * status and whether the block it led to is still active. The page's outcome comes from the same
   * row (the latest notification wins), so the filter and the column agree.
   */
  private static final String LAST =
      " left join lateral (select nr.decision, n.status, (select re.active from registry_entry re"
          + " where re.notice_id = nr.notice_id and re.resource_id = nr.resource_id"
          + " order by re.blocked_at desc, re.id desc limit 1) as block_active"
          + " from block_notice_resource nr join block_notice n on n.id = nr.notice_id"
          + " where nr.resource_id = cr.id order by nr.notice_id desc, nr.id desc limit 1) last"
          + " on true";

  /** The statuses in which the ministry has the notification (NoticeStatus.visibleToMinistry). */
  private static final String AT_MINISTRY = "('SENT', 'INFO_REQUESTED', 'DECIDED')";

  private static String from(CaseResourceFilter f) {
    StringBuilder sql = new StringBuilder(" from case_resource cr");
    if (f.state() != null && f.state() != CaseResourceFilter.State.NONE) {
      sql.append(LAST);
    }
    sql.append(" where cr.case_id = :case");
    if (f.urlPattern() != null) {
      sql.append(
          " and (lower(cr.url_original) like :url escape '!'"
              + " or lower(cr.url_normalized) like :url escape '!')");
    }
    if (f.freeOnly()) {
      // As NoticeService checks when a notification is submitted: in no notification still open
      // and not blocked.
      sql.append(
          " and not exists (select 1 from block_notice_resource bn join block_notice bnn"
              + " on bnn.id = bn.notice_id where bn.resource_id = cr.id"
              + " and (bnn.status <> 'DECIDED' or bn.decision = 'BLOCK'))");
    }
    if (f.state() != null) {
      sql.append(
          switch (f.state()) {
            case NONE ->
                " and not exists (select 1 from block_notice_resource nn"
                    + " where nn.resource_id = cr.id)";
            case IN_REVIEW ->
                " and last.status is not null and last.decision is null"
                    + " and last.status not in "
                    + AT_MINISTRY;
            case AWAITING_DECISION ->
                " and last.decision is null and last.status in " + AT_MINISTRY;
            case RETURNED -> " and last.decision = 'RETURN'";
            case REFUSED -> " and last.decision = 'REFUSE'";
            case BLOCKED -> " and last.decision = 'BLOCK' and last.block_active is not false";
            case LIFTED -> " and last.decision = 'BLOCK' and last.block_active is false";
          });
    }
    return sql.toString();
  }

  private static Query bind(Query q, long caseId, CaseResourceFilter f) {
    q.setParameter("case", caseId);
    if (f.urlPattern() != null) {
      q.setParameter("url", f.urlPattern());
    }
    return q;
  }

  /** How many resources of the case match the filter (at most the case's resources). */
  public long count(long caseId, CaseResourceFilter f) {
    return ((Number)
            bind(em.createNativeQuery("select count(*)" + from(f)), caseId, f).getSingleResult())
        .longValue();
  }

  /** The ids of the resources that match, in the order of the case (for "all that match"). */
  @SuppressWarnings("unchecked")
  public List<Long> ids(long caseId, CaseResourceFilter f) {
    return ((List<Number>)
            bind(
                    em.createNativeQuery("select cr.id" + from(f) + " order by cr.position"),
                    caseId,
                    f)
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  /** A page of the case's resources matching the filter, in the order of the case. */
  @SuppressWarnings("unchecked")
  public List<ResourceView> page(
      long caseId, CaseResourceFilter f, int first, int size, UnaryOperator<String> nameOf) {
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "select cr.id, cr.position, cr.url_original, cr.url_normalized, cr.platform"
                        + from(f)
                        + " order by cr.position"),
                caseId,
                f)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(size, MAX_PAGE)))
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<CaseNoticeQueries.Ref> refs = new ArrayList<>(rows.size());
    rows.forEach(
        r -> refs.add(new CaseNoticeQueries.Ref(((Number) r[0]).longValue(), (String) r[3])));
    CaseNoticeQueries.Trail trail = notices.trailOf(refs, nameOf);
    List<ResourceView> page = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      page.add(
          new ResourceView(
              id,
              ((Number) r[1]).intValue(),
              (String) r[2],
              (String) r[3],
              Platform.valueOf((String) r[4]),
              trail.outcomes().get(id),
              trail.steps().getOrDefault(id, List.of())));
    }
    return page;
  }
}
