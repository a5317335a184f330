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
import java.util.Locale;
import java.util.Set;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.users.PortalUser;

/**
 * The users the portal has seen. The web tier records each sign-in with what the identity
 * provider's token says; services ask here who their caller is and which organisation they belong
 * to.
 */
@Stateless
@PermitAll
public class UserDirectory {

  public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private Clock clock;
  @Inject private Event<AccountEvent> events;

  /** Records that the current caller signed in, as the token describes them. */
  public void recordSignIn(
      String fullName, String email, String organisation, String roles, String client) {
    // An upsert: the first requests of a new session may arrive at the same time.
    em.createNativeQuery(
            "insert into portal_user (username, full_name, email, organisation, roles,"
                + " first_sign_in_at, last_sign_in_at) values (?1, ?2, ?3, ?4, ?6, ?5, ?5)"
                + " on conflict (username) do update set full_name = excluded.full_name,"
                + " email = excluded.email, organisation = excluded.organisation,"
                + " roles = excluded.roles, last_sign_in_at = excluded.last_sign_in_at")
        .setParameter(1, ctx.getCallerPrincipal().getName())
        .setParameter(2, fullName)
        .setParameter(3, email)
        .setParameter(4, organisation)
        .setParameter(5, java.sql.Timestamp.from(clock.instant()))
        .setParameter(6, roles)
        .executeUpdate();
    events.fire(
        AccountEvent.done(AuditAction.SIGN_IN, ctx.getCallerPrincipal().getName(), null, client));
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

  /** How a user is shown to others: their name if known, else their username. */
  public String displayName(String username) {
    PortalUser user = em.find(PortalUser.class, username);
    return user == null || user.getFullName() == null ? username : user.getFullName();
  }
}
