package kz.gov.dozor.ejb.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.persistence.users.PortalUser;

/**
 * What an administrator reads of their organisation's accounts: a paged, searchable list and one
 * account with the work its holder has. Read from Keycloak, with sign-ins from the portal.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserQueries {

  /** Most matches of a search a list counts and pages through. */
  static final int MAX_MATCHES = 1000;

  public static final int MAX_PAGE = 100;

  @PersistenceContext private EntityManager em;
  @Inject private KeycloakDirectory directory;
  @Inject private UserDirectory users;
  @Inject private Event<AccountEvent> events;
  @Inject @Any private Instance<WorkHolder> workHolders;

  /**
   * The accounts of the caller's organisation whose login, e-mail or name contains {@code search}
   * (all when it is blank), {@code first} skipped, at most {@code max}; in the directory's order
   * (by login).
   */
  public UserPage findUsers(String search, int first, int max) {
    Caller caller = users.requireOrganisationMember();
    int from = Math.max(0, first);
    int size = Math.max(1, Math.min(max, MAX_PAGE));
    List<DirectoryAccount> page;
    long total;
    if (search == null || search.isBlank()) {
      total = directory.memberCount(caller.organisation());
      page = directory.members(caller.organisation(), null, from, size);
    } else {
      List<DirectoryAccount> matches =
          directory.members(caller.organisation(), search, 0, MAX_MATCHES);
      total = matches.size();
      page = matches.subList(Math.min(from, matches.size()), Math.min(from + size, matches.size()));
    }
    Map<String, Instant> signIns =
        lastSignIns(page.stream().map(DirectoryAccount::username).toList());
    List<UserRow> rows = new ArrayList<>();
    for (DirectoryAccount a : page) {
      rows.add(
          new UserRow(
              a.id(),
              a.username(),
              a.fullName(),
              a.email(),
              List.copyOf(directory.portalRoles(a.id())),
              a.enabled(),
              signIns.get(a.username())));
    }
    return new UserPage(rows, total);
  }

  /**
   * One account of the caller's organisation, with the work its holder has and how many others of
   * each of its roles would take that over. Another organisation's account is refused and audited.
   */
  public UserAccount openUser(String id) {
    Caller caller = users.requireOrganisationMember();
    DirectoryAccount a = Members.of(directory, events, id, caller);
    Set<String> roles = directory.portalRoles(id);
    PortalUser known = em.find(PortalUser.class, a.username());
    List<HeldItem> held = new ArrayList<>();
    for (WorkHolder holder : workHolders) {
      held.addAll(holder.heldBy(a.username(), caller.organisation()));
    }
    Map<String, Long> others = new LinkedHashMap<>();
    for (String role : Roles.portalRolesAmong(roles)) {
      others.put(role, otherEnabledHolders(caller.organisation(), role, a.username()));
    }
    return new UserAccount(
        a.id(),
        a.username(),
        a.firstName(),
        a.lastName(),
        a.fullName(),
        a.email(),
        caller.organisation(),
        a.enabled(),
        a.createdAt(),
        known == null ? null : known.getFirstSignInAt(),
        known == null ? null : known.getLastSignInAt(),
        Roles.portalRolesAmong(roles),
        List.copyOf(Organisations.rolesOf(caller.organisation())),
        a.requiredActions(),
        caller.username().equalsIgnoreCase(a.username()),
        held,
        others);
  }

  private long otherEnabledHolders(String organisation, String role, String except) {
    return em.createQuery(
            "select count(u) from PortalUser u where u.organisation = :org and u.enabled = true"
                + " and u.roles like :role and u.username <> :except",
            Long.class)
        .setParameter("org", organisation)
        .setParameter("role", "%," + role + ",%")
        .setParameter("except", except)
        .getSingleResult();
  }

  private Map<String, Instant> lastSignIns(List<String> usernames) {
    Map<String, Instant> out = new HashMap<>();
    if (usernames.isEmpty()) {
      return out;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.lastSignInAt from PortalUser u where u.username in :names",
                Object[].class)
            .setParameter("names", usernames)
            .getResultList()) {
      if (row[1] != null) {
        out.put((String) row[0], (Instant) row[1]);
      }
    }
    return out;
  }
}
