package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.json.Json;

/**
 * The intake API over HTTP with real tokens of the test Keycloak: a detector client's batch is
 * answered per item; an Idempotency-Key replays the first answer and refuses another body; whole
 * requests that cannot be taken are problem documents; only a detector client's own token is
 * accepted (not a person's, another client's, another audience's, nor a browser session) and no
 * request gets a session.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class DetectionsApiIT {

  static final String API = Browser.BASE_URL + "api/v1/detections";
  static final Json JSON = new Json();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static String detectorToken;

  @BeforeAll
  static void token() {
    detectorToken =
        KeycloakAdmin.clientToken(
            "dozor-monitoring-demo", System.getProperty("dozor.detector.client.secret"));
  }

  static HttpResponse<String> post(String token, String key, String contentType, String body)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(API)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      r.header("Idempotency-Key", key);
    }
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String body) throws Exception {
    return post(detectorToken, null, "application/json", body);
  }

  static Map<String, Object> json(HttpResponse<String> r) {
    return JSON.toType(r.body(), Json.MAP_TYPE);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(HttpResponse<String> r) {
    return (List<Map<String, Object>>) json(r).get("items");
  }

  static String detection(String url, String ref) {
    return "{\"url\":\"" + url + "\",\"source\":\"api-it\",\"sourceRef\":\"" + ref + "\"}";
  }

  static String uniqueUrl(String prefix) {
    return "https://" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example/";
  }

  static String ref() {
    return UUID.randomUUID().toString();
  }

  static void assertNoSession(HttpResponse<String> r) {
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "no cookie: " + r.headers());
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        r.headers().toString());
    assertEquals("urn:dozor:problem:" + code, json(r).get("type"), r.body());
    assertEquals((long) status, json(r).get("status"));
    assertNoSession(r);
  }

  @Test
  void aBatchOfGoodAndBadItemsIsAnsweredItemByItem() throws Exception {
    String url = uniqueUrl("api-batch");
    byte[] png = TestFiles.png(7);
    String shot =
        "{\"url\":\""
            + uniqueUrl("api-shot")
            + "\",\"source\":\"api-it\",\"sourceRef\":\""
            + ref()
            + "\",\"score\":0.8,\"category\":\"ILLEGAL_GAMBLING\",\"detectedAt\":\"2026-01-10T10:00:00+05:00\","
            + "\"screenshot\":{\"fileName\":\"shot.png\",\"contentBase64\":\""
            + Base64.getEncoder().encodeToString(png)
            + "\"}}";
    String body =
        "["
            + detection(url, ref())
            + ","
            + detection(url, ref())
            + ","
            + detection("javascript:alert(1)", ref())
            + ",{\"url\":\""
            + uniqueUrl("api-bad")
            + "\",\"source\":\"api-it\",\"sourceRef\":\"x\",\"score\":\"high\"}"
            + ","
            + shot
            + ",{\"url\":\""
            + uniqueUrl("api-bad")
            + "\",\"source\":\"api-it\",\"sourceRef\":\""
            + ref()
            + "\",\"screenshot\":{\"fileName\":\"a.png\",\"contentBase64\":\""
            + Base64.getEncoder().encodeToString(TestFiles.exe())
            + "\"}}]";

    HttpResponse<String> r = post(body);

    assertEquals(200, r.statusCode(), r.body());
    assertNoSession(r);
    List<Map<String, Object>> items = items(r);
    assertEquals("accepted", items.get(0).get("outcome"));
    @SuppressWarnings("unchecked")
    Map<String, Object> target = (Map<String, Object>) items.get(0).get("target");
    assertEquals("triage-item", target.get("kind"));
    assertEquals("merged", items.get(1).get("outcome"), "the same URL: one triage item");
    assertEquals(target, items.get(1).get("target"));
    assertEquals("rejected", items.get(2).get("outcome"));
    assertEquals("invalid-url", items.get(2).get("problem"));
    assertEquals("invalid-score", items.get(3).get("problem"));
    assertEquals("accepted", items.get(4).get("outcome"));
    assertEquals("invalid-screenshot", items.get(5).get("problem"));
    assertEquals(2L, json(r).get("accepted"));
    assertEquals(1L, json(r).get("merged"));
    assertEquals(3L, json(r).get("rejected"));

    TestData db = ClientDatabase.open();
    long shotId = ((Number) items.get(4).get("detectionId")).longValue();
    assertEquals(
        TestFiles.sha256(png),
        db.single("select screenshot_sha256 from detection where id = ?", shotId));
    assertEquals(
        "dozor-monitoring-demo",
        db.single("select received_from from detection where id = ?", shotId));
  }

  @Test
  void anIdempotentReplayReturnsTheFirstAnswerAndAnotherBodyIsRefused() throws Exception {
    String key = "it-" + UUID.randomUUID();
    String ref = ref();
    String body = "[" + detection(uniqueUrl("api-idem"), ref) + "]";

    HttpResponse<String> first = post(detectorToken, key, "application/json", body);
    HttpResponse<String> again = post(detectorToken, key, "application/json", body);

    assertEquals(200, first.statusCode(), first.body());
    assertEquals(first.statusCode(), again.statusCode());
    assertEquals(first.body(), again.body(), "the first answer, as it was");
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(
        1L,
        ClientDatabase.open()
            .count(
                "select count(*) from detection where source_system = 'api-it' and source_ref = ?",
                ref));

    String other = "[" + detection(uniqueUrl("api-idem"), ref()) + "]";
    assertProblem(
        post(detectorToken, key, "application/json", other), 422, "idempotency-key-reused");
  }

  @Test
  void aUrlReportedAgainInALaterRequestIsMergedIntoItsTriageItem() throws Exception {
    String url = uniqueUrl("api-dedup");
    Map<String, Object> first = items(post(detection(url, ref()))).get(0);
    Map<String, Object> second =
        items(post(detection(url.replace("https://", "HTTPS://") + "?utm_source=x", ref()))).get(0);
    assertEquals("accepted", first.get("outcome"));
    assertEquals("merged", second.get("outcome"));
    assertEquals(first.get("target"), second.get("target"));
  }

  @Test
  void wholeRequestsThatCannotBeTakenAreProblemDocuments() throws Exception {
    assertProblem(post("[{\"url\": "), 400, "malformed-json");
    assertProblem(post("[]"), 400, "empty-batch");
    assertProblem(post("\"just a string\""), 400, "malformed-json");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(detection(uniqueUrl("api-many"), ref()));
    }
    assertProblem(post("[" + String.join(",", many) + "]"), 413, "too-many-items");
    assertProblem(
        post(detectorToken, null, "text/plain", detection(uniqueUrl("api-x"), ref())),
        415,
        "unsupported-media-type");
    assertEquals(
        0L,
        ClientDatabase.open()
            .count(
                "select count(*) from detection where url_normalized like 'https://api-many-%'"));
  }

  @Test
  void onlyADetectorClientsOwnTokenIsAccepted() throws Exception {
    String body = detection(uniqueUrl("api-auth"), ref());

    HttpResponse<String> none = post(null, null, "application/json", body);
    assertProblem(none, 401, "missing-token");
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

    assertProblem(post("not.a.token", null, "application/json", body), 401, "invalid-token");

    // A client of the realm without the role detector.
    Map<String, String> other =
        KeycloakAdmin.createServiceClient(KeycloakAdmin.PORTAL_CLIENT_ID, "afm");
    // A detector client whose tokens are meant for another audience.
    Map<String, String> elsewhere =
        KeycloakAdmin.createServiceClient("some-other-service", "afm", "detector");
    // A detector client bound to no organisation.
    Map<String, String> unbound =
        KeycloakAdmin.createServiceClient(KeycloakAdmin.PORTAL_CLIENT_ID, null, "detector");
    // A person (with every role a detector has), through a client that gives people tokens.
    Map<String, String> passwords = KeycloakAdmin.createPasswordClient();
    String username = "it-api-person-" + UUID.randomUUID().toString().substring(0, 8);
    String userId =
        KeycloakAdmin.createUser(username, "Api-person-pw-42", "afm", "investigator", "detector");
    try {
      assertProblem(post(token(other), null, "application/json", body), 403, "not-a-detector");
      assertProblem(post(token(elsewhere), null, "application/json", body), 401, "invalid-token");
      assertProblem(post(token(unbound), null, "application/json", body), 403, "no-organisation");
      String person =
          (String)
              KeycloakAdmin.passwordGrant(
                      passwords.get("clientId"),
                      passwords.get("secret"),
                      username,
                      "Api-person-pw-42")
                  .json()
                  .get("access_token");
      assertProblem(post(person, null, "application/json", body), 403, "not-a-detector");
    } finally {
      KeycloakAdmin.deleteUser(userId);
      for (Map<String, String> c : List.of(other, elsewhere, unbound, passwords)) {
        KeycloakAdmin.deleteClient(c.get("clientId"));
      }
    }
  }

  @Test
  void aBrowserSessionDoesNotAuthenticateAnApiCall(Browser b) throws Exception {
    Portal.signIn(b, "investigator1");
    String cookies =
        b.driver().manage().getCookies().stream()
            .map(Cookie::toString)
            .map(c -> c.substring(0, c.indexOf(';')))
            .collect(Collectors.joining("; "));
    assertTrue(cookies.contains("JSESSIONID"), cookies);

    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(API))
                .header("Cookie", cookies)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(detection(uniqueUrl("api-cookie"), ref())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 401, "cookie-not-accepted");

    // Even beside a detector's valid token, a cookie is refused.
    HttpResponse<String> both =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(API))
                .header("Cookie", cookies)
                .header("Authorization", "Bearer " + detectorToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(detection(uniqueUrl("api-cookie"), ref())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(both, 401, "cookie-not-accepted");
  }

  @Test
  void theDescriptionIsPublishedAndRendered(Browser b) throws Exception {
    HttpResponse<String> yaml =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "api-docs/openapi.yaml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().contains("/detections:"));
    b.open("api-docs/index.html");
    b.waitFor().until(d -> b.pageText().contains("Report one detection or a batch of up to 1,000"));
    assertEquals(List.of(), b.cspViolations());
  }

  static String token(Map<String, String> client) {
    return KeycloakAdmin.clientToken(client.get("clientId"), client.get("secret"));
  }
}
