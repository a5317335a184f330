package kz.gov.dozor.ejb.notices;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Like;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;

/**
 * The ministry's archive: every notification the ministry ever received, whatever its state now,
 * filtered and paged in the database, newest first.
 */
@Stateless
@RolesAllowed(Roles.OFFICER)
public class NoticeArchive {

  public static final int MAX_PAGE = 200;

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;

  /** A page of the archive: {@code first} rows skipped, at most {@code pageSize}. */
  public List<NoticeRow> find(ArchiveFilter filter, int first, int pageSize) {
    ministryOfficer();
    TypedQuery<NoticeRow> q =
        em.createQuery(
            NoticeViews.ROW + where(filter) + " order by n.receivedAt desc, n.id desc",
            NoticeRow.class);
    bind(q, filter);
    return q.setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE)))
        .getResultStream()
        .map(NoticeRow::forMinistry)
        .toList();
  }

  /** How many notifications of the archive match. */
  public long count(ArchiveFilter filter) {
    ministryOfficer();
    TypedQuery<Long> q =
        em.createQuery("select count(n) from BlockNotice n" + where(filter), Long.class);
    bind(q, filter);
    return q.getSingleResult();
  }

  private static String where(ArchiveFilter f) {
    ArchiveFilter filter = f == null ? ArchiveFilter.any() : f;
    // Received once: sent to the ministry at least once, whatever happened later.
    StringBuilder w = new StringBuilder(" where n.receivedAt is not null");
    if (filter.status() != null) {
      w.append(" and n.status = :status");
    }
    if (filter.receivedFrom() != null) {
      w.append(" and n.receivedAt >= :receivedFrom");
    }
    if (filter.receivedTo() != null) {
      w.append(" and n.receivedAt < :receivedTo");
    }
    if (filter.decidedFrom() != null) {
      w.append(" and n.decidedAt >= :decidedFrom");
    }
    if (filter.decidedTo() != null) {
      w.append(" and n.decidedAt < :decidedTo");
    }
    if (present(filter.number())) {
      w.append(" and lower(n.outgoingNumber) like :number escape '!'");
    }
    if (present(filter.urlText())) {
      w.append(
          " and exists (select 1 from NoticeResource r join r.resource cr where r.notice = n"
              + " and cr.urlSearch like :url escape '!')");
    }
    return w.toString();
  }

  private static void bind(TypedQuery<?> q, ArchiveFilter f) {
    ArchiveFilter filter = f == null ? ArchiveFilter.any() : f;
    if (filter.status() != null) {
      q.setParameter("status", filter.status());
    }
    if (filter.receivedFrom() != null) {
      q.setParameter("receivedFrom", startOf(filter.receivedFrom()));
    }
    if (filter.receivedTo() != null) {
      q.setParameter("receivedTo", startOf(filter.receivedTo().plusDays(1)));
    }
    if (filter.decidedFrom() != null) {
      q.setParameter("decidedFrom", startOf(filter.decidedFrom()));
    }
    if (filter.decidedTo() != null) {
      q.setParameter("decidedTo", startOf(filter.decidedTo().plusDays(1)));
    }
    if (present(filter.number())) {
      q.setParameter("number", Like.contains(filter.number()));
    }
    if (present(filter.urlText())) {
      q.setParameter("url", Like.contains(filter.urlText()));
    }
  }

  private static java.time.Instant startOf(LocalDate day) {
    return day.atStartOfDay(Almaty.ZONE).toInstant();
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private void ministryOfficer() {
    Caller caller = users.requireOrganisationMember();
    if (!Organisations.MCI.equals(caller.organisation()) || !ctx.isCallerInRole(Roles.OFFICER)) {
      audit.recordDenied(
          "notices", null, "ministry archive asked for by " + caller.organisation(), null);
      throw new AccessDeniedException("access.ministryOnly");
    }
  }
}
