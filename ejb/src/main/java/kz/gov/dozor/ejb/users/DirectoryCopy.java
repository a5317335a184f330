package kz.gov.dozor.ejb.users;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The portal's copy of the directory (table {@code portal_user}), kept in step with Keycloak: on
 * every change made through the portal and by the periodic sync. Hand-overs find the holders of a
 * role here, including people who have never signed in; a disabled account receives no work.
 */
@Dependent
public class DirectoryCopy {

  @PersistenceContext private EntityManager em;
  @Inject private Event<AccountDisabled> disabled;

  /**
   * Writes what the directory says of a member of {@code organisation}. When this disables an
   * account the copy had as enabled, its work is handed over ({@link AccountDisabled}).
   */
  public void keep(DirectoryAccount a, String organisation, Set<String> roles, Instant at) {
    Boolean wasEnabled = enabledNow(a.username());
    // The directory's id belongs to one login: a login recreated in Keycloak gets a new id.
    em.createNativeQuery(
            "update portal_user set keycloak_id = null where keycloak_id = ?1 and username <> ?2")
        .setParameter(1, a.id())
        .setParameter(2, a.username())
        .executeUpdate();
    em.createNativeQuery(
            "insert into portal_user (username, keycloak_id, full_name, email, organisation, roles,"
                + " enabled, directory_synced_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                + " on conflict (username) do update set keycloak_id = excluded.keycloak_id,"
                + " full_name = excluded.full_name, email = excluded.email,"
                + " organisation = excluded.organisation, roles = excluded.roles,"
                + " enabled = excluded.enabled, directory_synced_at = excluded.directory_synced_at")
        .setParameter(1, a.username())
        .setParameter(2, a.id())
        .setParameter(3, a.fullName())
        .setParameter(4, a.email())
        .setParameter(5, organisation)
        .setParameter(6, Roles.encode(roles))
        .setParameter(7, a.enabled())
        .setParameter(8, Timestamp.from(at))
        .executeUpdate();
    if (Boolean.TRUE.equals(wasEnabled) && !a.enabled()) {
      disabled.fire(new AccountDisabled(a.username(), organisation));
    }
  }

  /** Browser sessions of {@code username} begun before {@code at} end at their next request. */
  public void endSessions(String username, Instant at) {
    em.createNativeQuery("update portal_user set sessions_not_before = ?1 where username = ?2")
        .setParameter(1, Timestamp.from(at))
        .setParameter(2, username)
        .executeUpdate();
  }

  /**
   * Accounts the copy had from the directory that no organisation lists any more (removed from
   * their organisation, or deleted in Keycloak) receive no work. Rows written since {@code
   * syncStarted} (a sign-in meanwhile) are left alone. Returns how many were retired.
   */
  public int retireMissing(Collection<String> seenIds, Instant syncStarted) {
    Set<String> seen = Set.copyOf(seenIds);
    @SuppressWarnings("unchecked")
    List<Object[]> known =
        em.createNativeQuery(
                "select username, organisation, keycloak_id from portal_user where enabled"
                    + " and keycloak_id is not null and organisation in (?1)"
                    + " and coalesce(directory_synced_at, timestamptz '1970-01-01 00:00:00+00') < ?2"
                    + " and coalesce(last_sign_in_at, timestamptz '1970-01-01 00:00:00+00') < ?2")
            .setParameter(1, Organisations.ALL)
            .setParameter(2, Timestamp.from(syncStarted))
            .getResultList();
    List<Object[]> gone = known.stream().filter(r -> !seen.contains((String) r[2])).toList();
    for (Object[] row : gone) {
      em.createNativeQuery("update portal_user set enabled = false where username = ?1")
          .setParameter(1, row[0])
          .executeUpdate();
      disabled.fire(new AccountDisabled((String) row[0], (String) row[1]));
    }
    return gone.size();
  }

  private Boolean enabledNow(String username) {
    List<?> rows =
        em.createNativeQuery("select enabled from portal_user where username = ?1")
            .setParameter(1, username)
            .getResultList();
    return rows.isEmpty() ? null : (Boolean) rows.get(0);
  }
}
