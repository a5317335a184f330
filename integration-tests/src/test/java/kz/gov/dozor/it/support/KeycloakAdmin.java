package kz.gov.dozor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openqa.selenium.json.Json;

/**
 * Keycloak as the tests see it: the realm's address, and its admin REST API (signed in as the
 * bootstrap administrator the build generated) to create short-lived users and clients, end
 * sessions and read the realm's settings.
 */
public final class KeycloakAdmin {

  /** Keycloak's base address, e.g. {@code http://localhost:8180}. */
  public static final String URL =
      System.getProperty("dozor.keycloak.url", "http://localhost:8180");

  /** The realm the portal signs in with. */
  public static final String REALM_URL =
      System.getProperty("dozor.oidc.provider.url", URL + "/realms/dozor");

  /** The client the test server signs in through (a copy of the portal's, for the test port). */
  public static final String PORTAL_CLIENT_ID =
      System.getProperty("dozor.oidc.client.id", "dozor-portal");

  private static final Json JSON = new Json();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private KeycloakAdmin() {}

  /** An answer of Keycloak: status and body. */
  public record Answer(int status, String body) {
    public Map<String, Object> json() {
      return JSON.toType(body, Json.MAP_TYPE);
    }

    public List<Map<String, Object>> list() {
      return JSON.toType(body, Json.LIST_OF_MAPS_TYPE);
    }
  }

  /** A request to the realm's admin API, path relative to {@code /admin/realms/dozor}. */
  public static Answer admin(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + "/admin/realms/dozor" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  body instanceof String s ? s : JSON.toJson(body)));
    }
    return send(request.build());
  }

  /** A form posted to the realm's token endpoint. */
  public static Answer token(Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formOf(form)))
            .build());
  }

  /**
   * Creates an enabled user with a password and realm roles, in organisation {@code organisation}
   * (alias, or null for none). Returns the user's id.
   */
  public static String createUser(
      String username, String password, String organisation, String... roles) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("enabled", true);
    user.put("emailVerified", true);
    user.put("firstName", "Test");
    user.put("lastName", username);
    user.put(
        "email",
        username + "@" + (organisation == null ? "example.org" : organisation + ".gov.kz"));
    user.put(
        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
    expect(admin("POST", "/users", user), 201);
    String id = userId(username);
    if (roles.length > 0) {
      List<Map<String, Object>> reps =
          List.of(roles).stream().map(r -> admin("GET", "/roles/" + r, null).json()).toList();
      expect(admin("POST", "/users/" + id + "/role-mappings/realm", reps), 204);
    }
    if (organisation != null) {
      List<Map<String, Object>> orgs =
          admin("GET", "/organizations?search=" + encode(organisation), null).list();
      String orgId =
          orgs.stream()
              .filter(o -> organisation.equals(o.get("alias")))
              .map(o -> (String) o.get("id"))
              .findFirst()
              .orElseThrow();
      expect(admin("POST", "/organizations/" + orgId + "/members", JSON.toJson(id)), 201);
    }
    return id;
  }

  public static String userId(String username) {
    List<Map<String, Object>> users =
        admin("GET", "/users?exact=true&username=" + encode(username), null).list();
    if (users.isEmpty()) {
      throw new IllegalStateException("no user " + username);
    }
    return (String) users.get(0).get("id");
  }

  public static void deleteUser(String id) {
    admin("DELETE", "/users/" + id, null);
  }

  /**
   * Adds a confidential client that may exchange a password for a token meant for the portal (its
   * audience), as a program would; returns its id and secret. Delete it afterwards.
   */
  public static Map<String, String> createPasswordClient() {
    String clientId = "dozor-it-password-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", clientId);
    client.put("enabled", true);
    client.put("publicClient", false);
    client.put("secret", secret);
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", true);
    client.put("fullScopeAllowed", true);
    client.put(
        "defaultClientScopes", List.of("profile", "roles", "email", "basic", "organization"));
    client.put(
        "protocolMappers",
        List.of(
            Map.of(
                "name",
                "portal-audience",
                "protocol",
                "openid-connect",
                "protocolMapper",
                "oidc-audience-mapper",
                "config",
                Map.of(
                    "included.client.audience",
                    PORTAL_CLIENT_ID,
                    "access.token.claim",
                    "true",
                    "id.token.claim",
                    "false"))));
    expect(admin("POST", "/clients", client), 201);
    return Map.of("clientId", clientId, "secret", secret);
  }

  /**
   * Adds a confidential client with only a service account (client credentials), as a monitoring
   * system has: its tokens carry {@code audience}, the claim {@code organization} (when not null)
   * and the realm roles of its service account ({@code roles}). Returns its id and secret. Delete
   * it afterwards.
   */
  public static Map<String, String> createServiceClient(
      String audience, String organisation, String... roles) {
    String clientId = "dozor-it-service-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", clientId);
    client.put("enabled", true);
    client.put("publicClient", false);
    client.put("secret", secret);
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", false);
    client.put("serviceAccountsEnabled", true);
    client.put("fullScopeAllowed", true);
    client.put("defaultClientScopes", List.of("roles", "profile"));
    List<Map<String, Object>> mappers = new java.util.ArrayList<>();
    mappers.add(
        Map.of(
            "name",
            "audience",
            "protocol",
            "openid-connect",
            "protocolMapper",
            "oidc-audience-mapper",
            "config",
            Map.of(
                "included.client.audience",
                audience,
                "access.token.claim",
                "true",
                "id.token.claim",
                "false")));
    if (organisation != null) {
      mappers.add(
          Map.of(
              "name",
              "organisation",
              "protocol",
              "openid-connect",
              "protocolMapper",
              "oidc-hardcoded-claim-mapper",
              "config",
              Map.of(
                  "claim.name",
                  "organization",
                  "claim.value",
                  organisation,
                  "jsonType.label",
                  "String",
                  "access.token.claim",
                  "true")));
    }
    client.put("protocolMappers", mappers);
    expect(admin("POST", "/clients", client), 201);
    if (roles.length > 0) {
      String id = (String) client(clientId).get("id");
      String user =
          (String) admin("GET", "/clients/" + id + "/service-account-user", null).json().get("id");
      List<Map<String, Object>> reps =
          List.of(roles).stream().map(r -> admin("GET", "/roles/" + r, null).json()).toList();
      expect(admin("POST", "/users/" + user + "/role-mappings/realm", reps), 204);
    }
    return Map.of("clientId", clientId, "secret", secret);
  }

  /** A client's own access token (client credentials grant). */
  public static String clientToken(String clientId, String secret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    Answer answer = token(form);
    expect(answer, 200);
    return (String) answer.json().get("access_token");
  }

  public static void deleteClient(String clientId) {
    for (Map<String, Object> c :
        admin("GET", "/clients?clientId=" + encode(clientId), null).list()) {
      admin("DELETE", "/clients/" + c.get("id"), null);
    }
  }

  /** A client's representation by its client id. */
  public static Map<String, Object> client(String clientId) {
    return admin("GET", "/clients?clientId=" + encode(clientId), null).list().get(0);
  }

  /** Exchanges a password for tokens through a client (the direct access grant). */
  public static Answer passwordGrant(
      String clientId, String secret, String username, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    if (secret != null) {
      form.put("client_secret", secret);
    }
    form.put("username", username);
    form.put("password", password);
    form.put("scope", "openid");
    return token(form);
  }

  private static String adminToken() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", "admin-cli");
    form.put("username", System.getProperty("dozor.keycloak.admin", "admin"));
    form.put("password", System.getProperty("dozor.keycloak.admin.password", "admin"));
    Answer answer =
        send(
            HttpRequest.newBuilder(URI.create(URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(form)))
                .build());
    expect(answer, 200);
    return (String) answer.json().get("access_token");
  }

  public static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String formOf(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void expect(Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException(
          "Keycloak answered " + answer.status() + " (expected " + status + "): " + answer.body());
    }
  }
}
