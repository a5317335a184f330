package kz.gov.dozor.ejb.users;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.Settings;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's Admin REST API as the portal uses it: the organisations' accounts, their realm roles,
 * organisation membership and sessions. It signs in as the realm's client {@code dozor-directory}
 * with its own secret (a service account); no administrator's password is involved.
 *
 * <p>The service account holds two roles of the realm's {@code realm-management} client (see {@code
 * dozor-realm.json}): {@code manage-users}, to read, create, enable and disable accounts, set
 * temporary passwords, map the portal's realm roles and end sessions; and {@code
 * manage-organizations}, to read the organisations and their members and to add a new account to
 * its organisation (Keycloak 26 checks both when a member is added).
 *
 * <p>Keycloak may be down: every call fails fast (short connect and read timeouts) with a {@link
 * DirectoryUnavailableException}, so the pages that need it say so and the rest of the portal is
 * not held up.
 */
@ApplicationScoped
public class KeycloakDirectory {

  private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());

  static final long CONNECT_TIMEOUT_SECONDS = 2;
  static final long READ_TIMEOUT_SECONDS = 5;

  /** The page size when all members of an organisation are read. */
  static final int BATCH = 100;

  private final Map<String, String> organisationIds = new ConcurrentHashMap<>();
  private volatile Keycloak keycloak;
  private volatile String realmName;

  /** The members of an organisation whose login, e-mail or name contains {@code search}. */
  public List<DirectoryAccount> members(String organisation, String search, int first, int max) {
    return call(
        () ->
            organisation(organisation)
                .members()
                .search(blankToNull(search), Boolean.FALSE, first, max)
                .stream()
                .map(KeycloakDirectory::account)
                .toList());
  }

  /** How many members an organisation has. */
  public long memberCount(String organisation) {
    return call(() -> organisation(organisation).members().count());
  }

  /** Every member of an organisation, read a batch at a time. */
  public List<DirectoryAccount> allMembers(String organisation) {
    List<DirectoryAccount> all = new ArrayList<>();
    for (int first = 0; ; first += BATCH) {
      List<DirectoryAccount> batch = members(organisation, null, first, BATCH);
      all.addAll(batch);
      if (batch.size() < BATCH) {
        return all;
      }
    }
  }

  /** An account by its id, if there is one. */
  public Optional<DirectoryAccount> account(String id) {
    return call(
        () -> {
          try {
            return Optional.of(account(user(id).toRepresentation()));
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  /** The account with exactly this login, if there is one. */
  public Optional<DirectoryAccount> accountByUsername(String username) {
    return call(
        () ->
            realm().users().search(username, true).stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername()))
                .findFirst()
                .map(KeycloakDirectory::account));
  }

  /** Whether an account already has this e-mail address. */
  public boolean emailTaken(String email) {
    return call(
        () ->
            realm().users().searchByEmail(email, true).stream()
                .anyMatch(u -> email.equalsIgnoreCase(u.getEmail())));
  }

  /** The aliases of the organisations an account belongs to. */
  public Set<String> organisationsOf(String id) {
    return call(
        () -> {
          Set<String> aliases = new LinkedHashSet<>();
          for (OrganizationRepresentation o :
              realm().organizations().members().getOrganizations(id)) {
            aliases.add(o.getAlias());
          }
          return aliases;
        });
  }

  /** The portal's realm roles an account holds, directly or through a composite or group. */
  public Set<String> portalRoles(String id) {
    return call(
        () -> {
          Set<String> names = new LinkedHashSet<>();
          for (RoleRepresentation r : user(id).roles().realmLevel().listEffective()) {
            names.add(r.getName());
          }
          return new LinkedHashSet<>(Roles.portalRolesAmong(names));
        });
  }

  /** Whether the account has a one-time-password device configured. */
  public boolean hasOneTimePassword(String id) {
    return call(
        () ->
            user(id).credentials().stream()
                .anyMatch(c -> CredentialRepresentation.TOTP.equals(c.getType())));
  }

  /**
   * Creates an enabled account with a temporary password and what it must do at its first sign-in,
   * a member of {@code organisation}, holding {@code roles}. Returns its id. If a step after the
   * account's creation fails, the account is removed again, so that no half-made account remains.
   *
   * @throws DuplicateAccountException when the login or the e-mail address is taken
   */
  public String create(
      String organisation,
      String username,
      String firstName,
      String lastName,
      String email,
      String temporaryPassword,
      Collection<String> requiredActions,
      Collection<String> roles) {
    String id =
        call(
            () -> {
              UserRepresentation rep = new UserRepresentation();
              rep.setUsername(username);
              rep.setFirstName(firstName);
              rep.setLastName(lastName);
              rep.setEmail(email);
              rep.setEmailVerified(true);
              rep.setEnabled(true);
              rep.setRequiredActions(new ArrayList<>(requiredActions));
              rep.setCredentials(List.of(temporary(temporaryPassword)));
              try (Response r = realm().users().create(rep)) {
                if (r.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                  String why = r.readEntity(String.class);
                  throw new DuplicateAccountException(
                      why != null && why.toLowerCase(java.util.Locale.ROOT).contains("email"));
                }
                if (r.getStatus() != Response.Status.CREATED.getStatusCode()) {
                  String why = r.readEntity(String.class);
                  LOG.warning(() -> "Keycloak refused a new account: " + r.getStatus() + " " + why);
                  throw new WebApplicationException(r.getStatus());
                }
                String path = r.getLocation().getPath();
                return path.substring(path.lastIndexOf('/') + 1);
              }
            });
    try {
      call(
          () -> {
            try (Response r = organisation(organisation).members().addMember(id)) {
              if (r.getStatus() != Response.Status.CREATED.getStatusCode()) {
                throw new WebApplicationException(r.getStatus());
              }
            }
            return null;
          });
      grant(id, roles);
      return id;
    } catch (RuntimeException e) {
      removeQuietly(id);
      throw e;
    }
  }

  /** Maps realm roles to an account (those it holds already are left as they are). */
  public void grant(String id, Collection<String> roles) {
    if (roles.isEmpty()) {
      return;
    }
    call(
        () -> {
          var realmRoles = user(id).roles().realmLevel();
          List<RoleRepresentation> add =
              realmRoles.listAvailable().stream().filter(r -> roles.contains(r.getName())).toList();
          if (add.size() != Set.copyOf(roles).size()) {
            throw new IllegalStateException("roles not found in the realm: " + roles);
          }
          realmRoles.add(add);
          return null;
        });
  }

  /** Removes realm roles mapped to an account. */
  public void revoke(String id, Collection<String> roles) {
    if (roles.isEmpty()) {
      return;
    }
    call(
        () -> {
          var realmRoles = user(id).roles().realmLevel();
          List<RoleRepresentation> remove =
              realmRoles.listAll().stream().filter(r -> roles.contains(r.getName())).toList();
          if (!remove.isEmpty()) {
            realmRoles.remove(remove);
          }
          return null;
        });
  }

  public void setEnabled(String id, boolean enabled) {
    update(id, rep -> rep.setEnabled(enabled));
  }

  /** Adds actions the user must take at their next sign-in to those already asked of them. */
  public void requireActions(String id, Collection<String> actions) {
    update(
        id,
        rep -> {
          Set<String> all = new LinkedHashSet<>();
          if (rep.getRequiredActions() != null) {
            all.addAll(rep.getRequiredActions());
          }
          all.addAll(actions);
          rep.setRequiredActions(new ArrayList<>(all));
        });
  }

  /** Sets a password the user must change at their next sign-in. */
  public void setTemporaryPassword(String id, String password) {
    call(
        () -> {
          user(id).resetPassword(temporary(password));
          return null;
        });
  }

  /** Ends every Keycloak session of the account: its tokens can no longer be refreshed. */
  public void endSessions(String id) {
    call(
        () -> {
          user(id).logout();
          return null;
        });
  }

  private void update(String id, java.util.function.Consumer<UserRepresentation> change) {
    call(
        () -> {
          UserResource user = user(id);
          UserRepresentation rep = user.toRepresentation();
          change.accept(rep);
          user.update(rep);
          return null;
        });
  }

  private void removeQuietly(String id) {
    try {
      call(
          () -> {
            user(id).remove();
            return null;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not remove the half-made account " + id, e);
    }
  }

  private static CredentialRepresentation temporary(String password) {
    CredentialRepresentation c = new CredentialRepresentation();
    c.setType(CredentialRepresentation.PASSWORD);
    c.setValue(password);
    c.setTemporary(true);
    return c;
  }

  private static DirectoryAccount account(UserRepresentation u) {
    return new DirectoryAccount(
        u.getId(),
        u.getUsername(),
        u.getFirstName(),
        u.getLastName(),
        u.getEmail(),
        Boolean.TRUE.equals(u.isEnabled()),
        u.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(u.getCreatedTimestamp()),
        u.getRequiredActions() == null ? List.of() : List.copyOf(u.getRequiredActions()));
  }

  private UserResource user(String id) {
    return realm().users().get(id);
  }

  private OrganizationResource organisation(String alias) {
    String id =
        organisationIds.computeIfAbsent(
            alias,
            a ->
                realm().organizations().getAll().stream()
                    .filter(o -> a.equals(o.getAlias()))
                    .map(OrganizationRepresentation::getId)
                    .findFirst()
                    .orElseThrow(
                        () -> new IllegalStateException("no organisation " + a + " in the realm")));
    return realm().organizations().get(id);
  }

  /**
   * Runs a call to Keycloak. No answer in time, or a refusal of the service account itself (wrong
   * secret, missing role), means the directory cannot be used now.
   */
  private <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ProcessingException e) {
      LOG.warning(() -> "Keycloak does not answer: " + rootMessage(e));
      throw new DirectoryUnavailableException();
    } catch (NotAuthorizedException | jakarta.ws.rs.ForbiddenException e) {
      LOG.severe(
          () ->
              "Keycloak refuses the portal's service account ("
                  + e.getResponse().getStatus()
                  + "): check DOZOR_DIRECTORY_CLIENT_ID/SECRET and its realm-management roles");
      throw new DirectoryUnavailableException();
    } catch (ClientErrorException e) {
      if (e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
        throw new AccountNotFoundException("");
      }
      LOG.warning(() -> "Keycloak refused a request: " + e.getResponse().getStatus());
      throw new DirectoryUnavailableException();
    } catch (WebApplicationException e) {
      LOG.warning(() -> "Keycloak failed: " + e.getResponse().getStatus());
      throw new DirectoryUnavailableException();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.toString();
  }

  private RealmResource realm() {
    Keycloak kc = keycloak;
    if (kc == null) {
      synchronized (this) {
        kc = keycloak;
        if (kc == null) {
          kc = connect();
          keycloak = kc;
        }
      }
    }
    return kc.realm(realmName);
  }

  /**
   * The admin client on RESTEasy with short timeouts and a small connection pool (the client is
   * shared by concurrent requests). Keycloak's own Jackson provider reads representations
   * leniently, so a newer Keycloak's extra fields do not break an older client.
   */
  private Keycloak connect() {
    String realmUrl = realmUrl();
    int at = realmUrl.indexOf("/realms/");
    if (at < 0) {
      throw new IllegalStateException("not a realm address: " + realmUrl);
    }
    String secret =
        Settings.get("dozor.directory.client.secret", "DOZOR_DIRECTORY_CLIENT_SECRET", null);
    if (secret == null) {
      LOG.severe("DOZOR_DIRECTORY_CLIENT_SECRET is not set: users cannot be managed");
      throw new DirectoryUnavailableException();
    }
    realmName = realmUrl.substring(at + "/realms/".length()).replaceAll("/+$", "");
    Client client =
        ((ResteasyClientBuilder) ClientBuilder.newBuilder())
            .connectionPoolSize(10)
            .maxPooledPerRoute(10)
            .connectionCheckoutTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .register(new JacksonProvider(), 100)
            .build();
    return KeycloakBuilder.builder()
        .serverUrl(realmUrl.substring(0, at))
        .realm(realmName)
        .grantType("client_credentials")
        .clientId(
            Settings.get(
                "dozor.directory.client.id", "DOZOR_DIRECTORY_CLIENT_ID", "dozor-directory"))
        .clientSecret(secret)
        .resteasyClient(client)
        .build();
  }

  /** The realm the portal signs in with: the directory is that realm. */
  static String realmUrl() {
    return Settings.get(
        "dozor.oidc.provider.url", "DOZOR_OIDC_PROVIDER_URL", "http://localhost:8180/realms/dozor");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @PreDestroy
  void close() {
    Keycloak kc = keycloak;
    if (kc != null) {
      kc.close();
    }
  }
}
