package kz.gov.dozor.it.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.KeycloakAdmin.Answer;
import org.junit.jupiter.api.Test;

/**
 * The client the portal manages users with is a service account and nothing more: no sign-in in a
 * browser, no password grant, and only the two {@code realm-management} roles it needs, in its
 * tokens by an explicit scope.
 */
class DirectoryClientIT {

  private static final String CLIENT = "dozor-directory";

  @Test
  void theDirectoryClientIsAServiceAccountOnly() {
    Map<String, Object> c = KeycloakAdmin.client(CLIENT);

    assertEquals(false, c.get("publicClient"));
    assertEquals(true, c.get("serviceAccountsEnabled"));
    assertEquals(false, c.get("standardFlowEnabled"));
    assertEquals(false, c.get("implicitFlowEnabled"));
    assertEquals(false, c.get("directAccessGrantsEnabled"));
    assertEquals(false, c.get("fullScopeAllowed"));
    assertEquals(List.of(), c.get("redirectUris"));
    Answer password = KeycloakAdmin.passwordGrant(CLIENT, secret(), "investigator1", "dozor-demo");
    assertEquals(400, password.status(), password.body());
  }

  @Test
  void itsServiceAccountHoldsOnlyTheRolesTheUsersPagesNeed() {
    String client = (String) KeycloakAdmin.client(CLIENT).get("id");
    String account =
        (String)
            KeycloakAdmin.admin("GET", "/clients/" + client + "/service-account-user", null)
                .json()
                .get("id");
    String management = (String) KeycloakAdmin.client("realm-management").get("id");

    List<String> roles =
        KeycloakAdmin.admin(
                "GET", "/users/" + account + "/role-mappings/clients/" + management, null)
            .list()
            .stream()
            .map(r -> (String) r.get("name"))
            .sorted()
            .toList();
    List<String> realmRoles =
        KeycloakAdmin.admin("GET", "/users/" + account + "/role-mappings/realm", null)
            .list()
            .stream()
            .map(r -> (String) r.get("name"))
            .filter(r -> !r.startsWith("default-roles-"))
            .toList();

    assertEquals(List.of("manage-organizations", "manage-users"), roles);
    assertEquals(List.of(), realmRoles);
  }

  @Test
  void itsTokenReadsUsersButNotTheRealmsClientsOrSettings() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", CLIENT);
    form.put("client_secret", secret());
    Answer token = KeycloakAdmin.token(form);
    assertEquals(200, token.status(), token.body());
    String bearer = (String) token.json().get("access_token");

    assertEquals(200, get(bearer, "/users?max=1"));
    assertEquals(200, get(bearer, "/organizations"));
    assertEquals(403, get(bearer, "/clients"));
    assertEquals(403, get(bearer, "/roles/admin"));
    assertEquals(403, get(bearer, "/authentication/flows"));

    form.put("client_secret", "not-the-secret");
    assertEquals(401, KeycloakAdmin.token(form).status());
  }

  private static int get(String bearer, String path) {
    return KeycloakAdmin.send(
            HttpRequest.newBuilder(URI.create(KeycloakAdmin.URL + "/admin/realms/dozor" + path))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build())
        .status();
  }

  /** The secret the build generated, as the test server has it. */
  private static String secret() {
    String secret = System.getenv("DOZOR_DIRECTORY_CLIENT_SECRET");
    assertNotNull(secret, "DOZOR_DIRECTORY_CLIENT_SECRET of the test build");
    return secret;
  }
}
