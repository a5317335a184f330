package kz.gov.dozor.ejb.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * An organisation's administrator manages its accounts in Keycloak: creates them, changes their
 * roles, disables and enables them, sets a temporary password, signs them out everywhere. The rules
 * hold here, whatever a page offers: roles belong to organisations, an administrator never touches
 * the other organisation's accounts, nor takes away their own administrator role or account, and
 * every organisation keeps an enabled administrator. Every change and every refusal goes to the
 * audit log ({@link AccountEvent}), and the portal's copy of the directory follows each change.
 *
 * <p>Keycloak is changed first and the portal's rows after it, so that the audit log's lock is not
 * held while Keycloak answers.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserAdministration {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private KeycloakDirectory directory;
  @Inject private UserDirectory users;
  @Inject private DirectoryCopy copy;
  @Inject private Event<AccountEvent> events;
  @Inject private Clock clock;

  /**
   * Creates an account in the administrator's organisation with a temporary password, which is
   * returned to be shown once. At the first sign-in the user sets their own password (and enrols an
   * authenticator when a role asks for a one-time password).
   */
  public CreatedAccount createUser(NewUser u) {
    Caller caller = users.requireOrganisationMember();
    String login = AccountRules.normalizeLogin(u.username());
    String firstName = Checks.blankToNull(u.firstName());
    String lastName = Checks.blankToNull(u.lastName());
    String email = Checks.blankToNull(u.email());
    Set<String> roles = u.roles() == null ? Set.of() : new LinkedHashSet<>(u.roles());
    refuseForeignRoles(caller, login, roles);
    Checks.refuseIf(AccountRules.checkNewAccount(login, firstName, lastName, email, roles));
    List<Problem> taken = new ArrayList<>();
    if (directory.accountByUsername(login).isPresent()) {
      taken.add(new Problem("username", "users.login.taken"));
    }
    if (directory.emailTaken(email)) {
      taken.add(new Problem("email", "users.email.taken"));
    }
    Checks.refuseIf(taken);

    String password = TemporaryPasswords.generate(RANDOM);
    String id;
    try {
      id =
          directory.create(
              caller.organisation(),
              login,
              firstName,
              lastName,
              email,
              password,
              AccountRules.firstSignInActions(roles),
              roles);
    } catch (DuplicateAccountException e) {
      // Taken meanwhile, by someone else's change.
      throw new InvalidInputException(
          List.of(new Problem(e.isEmail() ? "email" : "username", e.getMessageKey())));
    }
    DirectoryAccount created =
        directory.account(id).orElseThrow(() -> new AccountNotFoundException(id));
    copy.keep(created, caller.organisation(), roles, clock.instant());
    events.fire(
        AccountEvent.done(
            AuditAction.USER_CREATED,
            login,
            "created in " + caller.organisation() + " with roles " + AccountRules.describe(roles),
            null));
    return new CreatedAccount(id, login, created.fullName(), password);
  }

  /**
   * Gives an account exactly {@code roles}. {@code seen} are the roles the administrator saw: if
   * they are not the account's roles any more, someone changed it meanwhile and nothing is changed.
   * The user's sessions end, so that the new roles apply from their next sign-in.
   */
  public void changeRoles(String id, Set<String> seen, Set<String> roles) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount target = member(id, caller);
    Set<String> wanted = roles == null ? Set.of() : new LinkedHashSet<>(roles);
    refuseForeignRoles(caller, target.username(), wanted);
    if (wanted.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("roles", "users.roles.required")));
    }
    lockOrganisation(caller.organisation());
    Set<String> before = directory.portalRoles(id);
    if (seen == null || !before.equals(Set.copyOf(seen))) {
      throw new AccountChangedException();
    }
    refuseIf(
        target.username(),
        AccountRules.refusalOfRoleChange(
            isSelf(caller, target),
            target.enabled(),
            before,
            wanted,
            () -> anotherEnabledAdmin(caller.organisation(), id)));
    Set<String> add = new LinkedHashSet<>(wanted);
    add.removeAll(before);
    Set<String> remove = new LinkedHashSet<>(before);
    remove.removeAll(wanted);
    if (add.isEmpty() && remove.isEmpty()) {
      return;
    }
    directory.grant(id, add);
    directory.revoke(id, remove);
    if (AccountRules.needsSecondFactor(add) && !directory.hasOneTimePassword(id)) {
      directory.requireActions(id, Set.of(AccountRules.CONFIGURE_TOTP));
    }
    directory.endSessions(id);
    Instant now = clock.instant();
    copy.keep(target, caller.organisation(), wanted, now);
    copy.endSessions(target.username(), now);
    events.fire(
        AccountEvent.done(
            AuditAction.USER_ROLES_CHANGED,
            target.username(),
            "roles " + AccountRules.describe(before) + " -> " + AccountRules.describe(wanted),
            null));
  }

  /**
   * Disables an account: the person can no longer sign in, their sessions end at once (in Keycloak
   * and in the portal), and their open work goes to the others of the same role.
   */
  public void disable(String id) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount target = member(id, caller);
    lockOrganisation(caller.organisation());
    Set<String> roles = directory.portalRoles(id);
    refuseIf(
        target.username(),
        AccountRules.refusalOfDisabling(
            isSelf(caller, target),
            target.enabled(),
            roles,
            () -> anotherEnabledAdmin(caller.organisation(), id)));
    if (!target.enabled()) {
      return;
    }
    directory.setEnabled(id, false);
    directory.endSessions(id);
    Instant now = clock.instant();
    // The copy turns disabled: its keeper hands the person's work to the others (AccountDisabled).
    copy.keep(withEnabled(target, false), caller.organisation(), roles, now);
    copy.endSessions(target.username(), now);
    events.fire(
        AccountEvent.done(
            AuditAction.USER_DISABLED,
            target.username(),
            "disabled; roles " + AccountRules.describe(roles),
            null));
  }

  /** Enables a disabled account again. */
  public void enable(String id) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount target = member(id, caller);
    if (target.enabled()) {
      return;
    }
    Set<String> roles = directory.portalRoles(id);
    directory.setEnabled(id, true);
    copy.keep(withEnabled(target, true), caller.organisation(), roles, clock.instant());
    events.fire(AccountEvent.done(AuditAction.USER_ENABLED, target.username(), "enabled", null));
  }

  /**
   * Sets a new temporary password, returned to be shown once; the user sets their own at the next
   * sign-in.
   */
  public String resetPassword(String id) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount target = member(id, caller);
    String password = TemporaryPasswords.generate(RANDOM);
    directory.setTemporaryPassword(id, password);
    events.fire(
        AccountEvent.done(
            AuditAction.USER_PASSWORD_RESET,
            target.username(),
            "temporary password set; to be changed at the next sign-in",
            null));
    return password;
  }

  /** Ends every session of the account, in Keycloak and in the portal. */
  public void signOutEverywhere(String id) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount target = member(id, caller);
    directory.endSessions(id);
    copy.endSessions(target.username(), clock.instant());
    events.fire(
        AccountEvent.done(
            AuditAction.USER_SIGNED_OUT, target.username(), "signed out everywhere", null));
  }

  /**
   * The account {@code id}, which must belong to the caller's organisation; an attempt on another
   * organisation's account is refused and audited.
   */
  private DirectoryAccount member(String id, Caller caller) {
    return Members.of(directory, events, id, caller);
  }

  private void refuseForeignRoles(Caller caller, String username, Set<String> roles) {
    List<String> foreign = AccountRules.foreignRoles(caller.organisation(), roles);
    if (!foreign.isEmpty()) {
      events.fire(
          AccountEvent.refused(
              username,
              "roles "
                  + String.join(", ", foreign)
                  + " are not given by "
                  + caller.organisation()));
      throw new AccessDeniedException("users.role.notOfOrganisation", String.join(", ", foreign));
    }
  }

  private void refuseIf(String username, Optional<String> refusal) {
    if (refusal.isPresent()) {
      events.fire(AccountEvent.refused(username, refusal.get()));
      throw new AccountRuleException(refusal.get());
    }
  }

  private static boolean isSelf(Caller caller, DirectoryAccount target) {
    return caller.username().equalsIgnoreCase(target.username());
  }

  /**
   * Changes that may leave an organisation without an administrator take turns, on every node, so
   * that two administrators cannot disable each other at the same time.
   */
  private void lockOrganisation(String organisation) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "dozor.users." + organisation)
        .getSingleResult();
  }

  /**
   * Whether the organisation has an enabled administrator besides account {@code exceptId}. The
   * copy names the likely ones; each is checked in Keycloak, and only if none holds there are all
   * members looked at.
   */
  private boolean anotherEnabledAdmin(String organisation, String exceptId) {
    List<String> candidates =
        em.createQuery(
                "select u.keycloakId from PortalUser u where u.organisation = :org"
                    + " and u.enabled = true and u.roles like :admin and u.keycloakId is not null"
                    + " and u.keycloakId <> :except",
                String.class)
            .setParameter("org", organisation)
            .setParameter("admin", "%," + Roles.ADMIN + ",%")
            .setParameter("except", exceptId)
            .getResultList();
    for (String candidate : candidates) {
      if (isEnabledAdmin(organisation, candidate)) {
        return true;
      }
    }
    for (DirectoryAccount a : directory.allMembers(organisation)) {
      if (a.enabled()
          && !a.id().equals(exceptId)
          && !candidates.contains(a.id())
          && directory.portalRoles(a.id()).contains(Roles.ADMIN)) {
        return true;
      }
    }
    return false;
  }

  private boolean isEnabledAdmin(String organisation, String id) {
    Optional<DirectoryAccount> a = directory.account(id);
    return a.isPresent()
        && a.get().enabled()
        && directory.organisationsOf(id).contains(organisation)
        && directory.portalRoles(id).contains(Roles.ADMIN);
  }

  private static DirectoryAccount withEnabled(DirectoryAccount a, boolean enabled) {
    return new DirectoryAccount(
        a.id(),
        a.username(),
        a.firstName(),
        a.lastName(),
        a.email(),
        enabled,
        a.createdAt(),
        a.requiredActions());
  }
}
