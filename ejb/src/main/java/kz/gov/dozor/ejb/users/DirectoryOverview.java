package kz.gov.dozor.ejb.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.List;

/** What an administrator sees first of their organisation's people, from the portal's directory. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DirectoryOverview {

  /** Most names listed under "disabled" and "never signed in"; the users page has the rest. */
  static final int NAMES = 10;

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

  /**
   * How many people the organisation has, how many are disabled and how many never signed in.
   *
   * @param disabledNames the first of the disabled, by name
   * @param neverSignedInNames the first of the enabled who have never signed in, by name
   */
  public record Summary(
      long total,
      long disabled,
      long neverSignedIn,
      List<String> disabledNames,
      List<String> neverSignedInNames)
      implements Serializable {}

  public Summary summary() {
    String org = users.requireOrganisationMember().organisation();
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(*) filter (where not enabled),"
                        + " count(*) filter (where enabled and last_sign_in_at is null)"
                        + " from portal_user where organisation = ?1")
                .setParameter(1, org)
                .getSingleResult();
    return new Summary(
        ((Number) counts[0]).longValue(),
        ((Number) counts[1]).longValue(),
        ((Number) counts[2]).longValue(),
        names(org, "u.enabled = false"),
        names(org, "u.enabled = true and u.lastSignInAt is null"));
  }

  private List<String> names(String org, String condition) {
    return em.createQuery(
            "select coalesce(u.fullName, u.username) from PortalUser u"
                + " where u.organisation = :org and "
                + condition
                + " order by coalesce(u.fullName, u.username)",
            String.class)
        .setParameter("org", org)
        .setMaxResults(NAMES)
        .getResultList();
  }
}
