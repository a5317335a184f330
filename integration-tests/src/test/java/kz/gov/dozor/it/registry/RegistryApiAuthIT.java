package kz.gov.dozor.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.KeycloakAdmin;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.json.Json;

/**
 * Who may use the registry API: a registered provider's own client only. A provider's token opens
 * nothing else (the intake API, the pages); a detector's, a person's, an unregistered provider's or
 * none opens no registry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryApiAuthIT {

  static final String REGISTRY = Browser.BASE_URL + "api/v1/registry";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Json JSON = new Json();

  static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    Map<String, Object> p = JSON.toType(r.body(), Json.MAP_TYPE);
    assertEquals("urn:dozor:problem:" + code, p.get("type"), r.body());
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "no session");
  }

  static String provider() {
    return KeycloakAdmin.clientToken(
        "dozor-provider-demo", System.getProperty("dozor.provider.client.secret"));
  }

  static String token(Map<String, String> client) {
    return KeycloakAdmin.clientToken(client.get("clientId"), client.get("secret"));
  }

  @Test
  void aProvidersTokenOpensTheRegistryAndNothingElse() throws Exception {
    String token = provider();
    HttpResponse<String> version = get(REGISTRY + "/version", token);
    assertEquals(200, version.statusCode(), version.body());
    assertTrue(version.headers().allValues("Set-Cookie").isEmpty(), "no session");
    assertEquals(200, get(REGISTRY + "?format=csv", token).statusCode());

    HttpResponse<String> intake =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "api/v1/detections"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(intake, 403, "not-a-detector");
    // The pages take a bearer token as a signed-in person's at most; a provider is none.
    for (String page : List.of("cases/", "notices/", "registry/", "intake/triage.xhtml")) {
      HttpResponse<String> r = get(Browser.BASE_URL + page, token);
      assertTrue(
          r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 302,
          page + " answered " + r.statusCode());
      assertTrue(!r.body().contains("registry-v") && !r.body().contains("AFM-"), page);
    }
  }

  @Test
  void othersAreRefused() throws Exception {
    assertProblem(get(REGISTRY, null), 401, "missing-token");
    assertProblem(get(REGISTRY, "not.a.token"), 401, "invalid-token");
    String detector =
        KeycloakAdmin.clientToken(
            "dozor-monitoring-demo", System.getProperty("dozor.detector.client.secret"));
    assertProblem(get(REGISTRY, detector), 403, "not-a-provider");
    assertProblem(get(REGISTRY + "/version", detector), 403, "not-a-provider");

    // A client with the role provider that no provider is registered with, and one that names
    // the demo provider without being its client.
    Map<String, String> stranger =
        KeycloakAdmin.createServiceClient(KeycloakAdmin.PORTAL_CLIENT_ID, "some-isp", "provider");
    Map<String, String> impostor =
        KeycloakAdmin.createServiceClient(KeycloakAdmin.PORTAL_CLIENT_ID, "demo-isp", "provider");
    Map<String, String> passwords = KeycloakAdmin.createPasswordClient();
    String username = "it-reg-person-" + UUID.randomUUID().toString().substring(0, 8);
    String userId =
        KeycloakAdmin.createUser(username, "Reg-person-pw-42", "mci", "officer", "provider");
    try {
      assertProblem(get(REGISTRY, token(stranger)), 403, "unknown-provider");
      assertProblem(get(REGISTRY, token(impostor)), 403, "unknown-provider");
      String person =
          (String)
              KeycloakAdmin.passwordGrant(
                      passwords.get("clientId"),
                      passwords.get("secret"),
                      username,
                      "Reg-person-pw-42")
                  .json()
                  .get("access_token");
      assertProblem(get(REGISTRY, person), 403, "not-a-provider");
    } finally {
      KeycloakAdmin.deleteUser(userId);
      for (Map<String, String> c : List.of(stranger, impostor, passwords)) {
        KeycloakAdmin.deleteClient(c.get("clientId"));
      }
    }
  }
}
