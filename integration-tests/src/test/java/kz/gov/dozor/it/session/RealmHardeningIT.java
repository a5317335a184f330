package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.KeycloakAdmin.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The realm as an attacker meets it: no password grants, exact redirects, a password policy,
 * brute-force lockout, a name and e-mail only administrators change, and a sign-in form that does
 * not tell which accounts exist. Each test makes its own users and clients and removes them.
 */
class RealmHardeningIT {

  private static final String STRONG_PASSWORD = "Correct-horse-7391";

  private final List<String> users = new ArrayList<>();
  private final List<String> clients = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() {
    users.forEach(KeycloakAdmin::deleteUser);
    clients.forEach(KeycloakAdmin::deleteClient);
  }

  @Test
  void theBuiltInAdminCliGivesNoTokenForAPassword() {
    Answer answer = KeycloakAdmin.passwordGrant("admin-cli", null, "investigator1", "dozor-demo");

    assertEquals(400, answer.status(), answer.body());
    assertEquals("unauthorized_client", answer.json().get("error"));
    assertNull(answer.json().get("access_token"));
  }

  @Test
  void neitherThePortalsSecretNorKeycloaksAdminPasswordIsTheOldFixedOne() throws Exception {
    assertNotEquals("dozor-portal-dev-secret", KeycloakAdmin.client("dozor-portal").get("secret"));

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            KeycloakAdmin.URL + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, Object> refused = new Answer(answer.statusCode(), answer.body()).json();
    assertEquals("invalid_grant", refused.get("error"), answer.body());
    assertNull(refused.get("access_token"));
  }

  @Test
  void noClientOfTheRealmExchangesPasswordsForTokens() {
    List<String> allowing = new ArrayList<>();
    for (Map<String, Object> c : KeycloakAdmin.admin("GET", "/clients", null).list()) {
      String id = (String) c.get("clientId");
      if (!id.startsWith("dozor-it-password-")
          && Boolean.TRUE.equals(c.get("directAccessGrantsEnabled"))) {
        allowing.add(id);
      }
    }
    assertEquals(List.of(), allowing);
  }

  @Test
  void thePortalsClientListsExactAddressesAndNoTestPort() {
    Map<String, Object> portal = KeycloakAdmin.client("dozor-portal");
    @SuppressWarnings("unchecked")
    List<String> redirects = (List<String>) portal.get("redirectUris");
    @SuppressWarnings("unchecked")
    String postLogout =
        (String) ((Map<String, Object>) portal.get("attributes")).get("post.logout.redirect.uris");
    String testPort = ":" + URI.create(Browser.BASE_URL).getPort() + "/";

    assertEquals(1, redirects.size(), redirects.toString());
    assertTrue(redirects.get(0).matches("https?://[^*]+/dozor/"), redirects.get(0));
    assertFalse(redirects.get(0).contains(testPort), redirects.get(0));
    assertEquals(redirects.get(0), postLogout);
  }

  @Test
  void aSignInThatWouldReturnToAForeignAddressIsRefused() throws Exception {
    String exact = Browser.BASE_URL;
    assertEquals(200, authorizationRequest(KeycloakAdmin.PORTAL_CLIENT_ID, exact).statusCode());

    for (String foreign :
        List.of(
            "https://attacker.example/dozor/",
            exact + "cases/list.xhtml",
            exact.replace("localhost", "127.0.0.1"))) {
      HttpResponse<String> refused = authorizationRequest(KeycloakAdmin.PORTAL_CLIENT_ID, foreign);
      assertEquals(400, refused.statusCode(), foreign);
      assertTrue(refused.body().contains("redirect_uri"), foreign);
    }
  }

  @Test
  void thePasswordPolicyRefusesShortPasswordsAndTheUsername() {
    String username = "it-policy-" + suffix();
    String id = user(username, null);

    assertEquals(400, resetPassword(id, "short-7").status());
    assertEquals(400, resetPassword(id, username).status());
    assertEquals(204, resetPassword(id, "Another-long-one-42").status());
  }

  @Test
  void repeatedWrongPasswordsLockTheAccount() {
    String username = "it-lockout-" + suffix();
    String id = user(username, null);
    Map<String, String> client = passwordClient();
    assertEquals(200, grant(client, username, STRONG_PASSWORD).status(), "the password works");

    for (int i = 0; i < 5; i++) {
      assertEquals(
          "invalid_grant", grant(client, username, "Wrong-password-" + i).json().get("error"));
    }
    Answer afterLockout = grant(client, username, STRONG_PASSWORD);

    assertEquals(
        "invalid_grant", afterLockout.json().get("error"), "the right password no longer helps");
    assertNull(afterLockout.json().get("access_token"));
    Map<String, Object> status =
        KeycloakAdmin.admin("GET", "/attack-detection/brute-force/users/" + id, null).json();
    assertEquals(Boolean.TRUE, status.get("disabled"), status.toString());
  }

  @Test
  void usersCannotChangeTheirOwnNameOrEmailInTheAccountConsole() throws Exception {
    String username = "it-account-" + suffix();
    user(username, null);
    String token =
        (String) grant(passwordClient(), username, STRONG_PASSWORD).json().get("access_token");
    Map<String, Object> me = account("GET", token, null);
    assertEquals("Test", me.get("firstName"));

    for (Map.Entry<String, String> change :
        Map.of("firstName", "Mallory", "lastName", "Mallory", "email", "mallory@afm.gov.kz")
            .entrySet()) {
      Map<String, Object> edited = new LinkedHashMap<>(me);
      edited.put(change.getKey(), change.getValue());
      HttpResponse<String> answer = accountRequest("POST", token, edited);
      assertEquals(400, answer.statusCode(), change.getKey() + ": " + answer.body());
    }
    Map<String, Object> after = account("GET", token, null);
    assertEquals(me.get("firstName"), after.get("firstName"));
    assertEquals(me.get("lastName"), after.get("lastName"));
    assertEquals(me.get("email"), after.get("email"));
  }

  @Test
  void theSignInFormDoesNotTellWhichAccountsExist() throws Exception {
    String username = "it-enumeration-" + suffix();
    user(username, null);
    String knownEmail = username + "@example.org";
    String unknownEmail = "nobody-" + suffix() + "@afm.gov.kz";

    Attempt known = signInAttempt(knownEmail, "Wrong-password-1");
    Attempt unknown = signInAttempt(unknownEmail, "Wrong-password-1");

    assertTrue(known.firstPageAsksPassword(), "username and password on the first page");
    assertTrue(unknown.firstPageAsksPassword(), "username and password on the first page");
    assertNotEquals("", known.error());
    assertEquals(known.error(), unknown.error());
    assertEquals(known.status(), unknown.status());
  }

  // --- helpers ---

  private record Attempt(boolean firstPageAsksPassword, int status, String error) {}

  private Attempt signInAttempt(String login, String password) throws Exception {
    // Keycloak marks its cookies Secure, which Java's cookie store keeps from plain http: the
    // round trip carries them by hand, as the browser does on localhost.
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(
                    authorizationUri(KeycloakAdmin.PORTAL_CLIENT_ID, Browser.BASE_URL))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookies =
        form.headers().allValues("Set-Cookie").stream()
            .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
            .collect(java.util.stream.Collectors.joining("; "));
    boolean asksPassword = form.body().contains("id=\"password\"");
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.body());
    assertTrue(action.find(), "a sign-in form");
    String target = action.group(1).replace("&amp;", "&");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", login);
    fields.put("password", password);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakAdmin.formOf(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher error =
        Pattern.compile("id=\"input-error-[a-z-]+\"[^>]*>\\s*<span[^>]*>\\s*([^<]+?)\\s*<")
            .matcher(answer.body());
    return new Attempt(asksPassword, answer.statusCode(), error.find() ? error.group(1) : "");
  }

  private static HttpResponse<String> authorizationRequest(String clientId, String redirect)
      throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(authorizationUri(clientId, redirect)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static URI authorizationUri(String clientId, String redirect) {
    return URI.create(
        KeycloakAdmin.REALM_URL
            + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=s1&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&redirect_uri="
            + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
  }

  private Map<String, Object> account(String method, String token, Object body) throws Exception {
    HttpResponse<String> answer = accountRequest(method, token, body);
    assertEquals(200, answer.statusCode(), answer.body());
    return new Answer(answer.statusCode(), answer.body()).json();
  }

  private static HttpResponse<String> accountRequest(String method, String token, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(KeycloakAdmin.REALM_URL + "/account/"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  new org.openqa.selenium.json.Json().toJson(body)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String user(String username, String organisation) {
    String id = KeycloakAdmin.createUser(username, STRONG_PASSWORD, organisation);
    users.add(id);
    return id;
  }

  private Map<String, String> passwordClient() {
    Map<String, String> client = KeycloakAdmin.createPasswordClient();
    clients.add(client.get("clientId"));
    return client;
  }

  private static Answer grant(Map<String, String> client, String username, String password) {
    return KeycloakAdmin.passwordGrant(
        client.get("clientId"), client.get("secret"), username, password);
  }

  private static Answer resetPassword(String userId, String password) {
    return KeycloakAdmin.admin(
        "PUT",
        "/users/" + userId + "/reset-password",
        Map.of("type", "password", "value", password, "temporary", false));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
