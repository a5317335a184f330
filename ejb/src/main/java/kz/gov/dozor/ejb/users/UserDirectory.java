package kz.gov.dozor.ejb.users;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.users.PortalUser;

/**
 * The users the portal knows: from the directory's copy and their sign-ins. The web tier records
 * each sign-in with what the identity provider's token says; services ask here who their caller is
 * and which organisation they belong to, and how people are named.
 */
@Stateless
@PermitAll
public class UserDirectory {

  public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private Clock clock;
  @Inject private Event<AccountEvent> events;

  /**
   * Records that the current caller signed in, as the token describes them: their directory id
   * ({@code keycloakId}, the token's subject), name, e-mail, organisation and roles. Signing in
   * shows the account is enabled in the directory.
   */
  public void recordSignIn(
      String keycloakId,
      String fullName,
      String email,
      String organisation,
      String roles,
      String client) {
    String username = ctx.getCallerPrincipal().getName();
    if (keycloakId != null) {
      // The directory's id belongs to one login: a login recreated in Keycloak gets a new id.
      em.createNativeQuery(
              "update portal_user set keycloak_id = null where keycloak_id = ?1 and username <> ?2")
          .setParameter(1, keycloakId)
          .setParameter(2, username)
          .executeUpdate();
    }
    // An upsert: the first requests of a new session may arrive at the same time.
    em.createNativeQuery(
            "insert into portal_user (username, full_name, email, organisation, roles,"
                + " first_sign_in_at, last_sign_in_at, keycloak_id, enabled)"
                + " values (?1, ?2, ?3, ?4, ?6, ?5, ?5, ?7, true)"
                + " on conflict (username) do update set full_name = excluded.full_name,"
                + " email = excluded.email, organisation = excluded.organisation,"
                + " roles = excluded.roles, last_sign_in_at = excluded.last_sign_in_at,"
                + " first_sign_in_at = coalesce(portal_user.first_sign_in_at,"
                + " excluded.first_sign_in_at),"
                + " keycloak_id = coalesce(excluded.keycloak_id, portal_user.keycloak_id),"
                + " enabled = true")
        .setParameter(1, username)
        .setParameter(2, fullName)
        .setParameter(3, email)
        .setParameter(4, organisation)
        .setParameter(5, java.sql.Timestamp.from(clock.instant()))
        .setParameter(6, roles)
        .setParameter(7, keycloakId)
        .executeUpdate();
    events.fire(AccountEvent.done(AuditAction.SIGN_IN, username, null, client));
  }

  /**
   * Whether a browser session of {@code username} begun at {@code createdAt} may go on: not when
   * the account was disabled, nor when its sessions were ended after the session began. Read from
   * the database on each request, so that it holds on every node of a cluster.
   */
  public boolean admitsSession(String username, Instant createdAt) {
    PortalUser user = em.find(PortalUser.class, username);
    return user == null || user.admitsSessionBegunAt(createdAt);
  }

  /** The current caller, as recorded at their sign-in. */
  public Caller currentCaller() {
    String username = ctx.getCallerPrincipal().getName();
    PortalUser user = em.find(PortalUser.class, username);
    if (user == null) {
      return new Caller(username, null, null);
    }
    return new Caller(username, user.getOrganisation(), user.getFullName());
  }

  /** The current caller, who must belong to an organisation. */
  public Caller requireOrganisationMember() {
    Caller caller = currentCaller();
    if (caller.organisation() == null) {
      events.fire(AccountEvent.refused(caller.username(), "caller belongs to no organisation"));
      throw new AccessDeniedException("access.noOrganisation");
    }
    return caller;
  }

  /** The caller's chosen language, if they chose one. */
  public String preferredLanguage() {
    PortalUser user = em.find(PortalUser.class, ctx.getCallerPrincipal().getName());
    return user == null ? null : user.getLocale();
  }

  /** Remembers the caller's language choice across sessions. */
  public void chooseLanguage(String language) {
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("unsupported language: " + language);
    }
    PortalUser user = em.find(PortalUser.class, ctx.getCallerPrincipal().getName());
    if (user != null) {
      user.setLocale(lang);
    }
  }

  /**
   * How a user is shown to others: their full name from the directory when the portal knows it,
   * else their login. Every page names people this way.
   */
  public String displayName(String username) {
    if (username == null) {
      return null;
    }
    // One by one through the persistence context, which keeps each user once per transaction.
    PortalUser user = em.find(PortalUser.class, username);
    return user == null || user.getFullName() == null || user.getFullName().isBlank()
        ? username
        : user.getFullName();
  }

  /** {@link #displayName} of each of {@code usernames}, in one query. */
  public Map<String, String> displayNames(Collection<String> usernames) {
    List<String> wanted = usernames.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    wanted.forEach(u -> names.put(u, u));
    if (wanted.isEmpty()) {
      return names;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.fullName from PortalUser u where u.username in :names",
                Object[].class)
            .setParameter("names", wanted)
            .getResultList()) {
      if (row[1] != null && !((String) row[1]).isBlank()) {
        names.put((String) row[0], (String) row[1]);
      }
    }
    return names;
  }
}
