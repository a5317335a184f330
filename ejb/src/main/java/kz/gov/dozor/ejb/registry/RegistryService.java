package kz.gov.dozor.ejb.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;

/** The registry of restricted resources: read by both organisations, a page at a time. */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
public class RegistryService {

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

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
