package kz.gov.dozor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The running portal and its Keycloak, as a browser without JavaScript and as a detector. */
final class Portal {

  static final ObjectMapper JSON = new ObjectMapper();

  final String base;
  final String keycloak;

  Portal(String base, String keycloak) {
    this.base = base.endsWith("/") ? base : base + "/";
    this.keycloak = keycloak;
  }

  /** A client with its own cookies, signed in as {@code user} through Keycloak's form. */
  HttpClient signIn(String user, String password) throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new LocalCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> login = http.send(get(base), HttpResponse.BodyHandlers.ofString());
    Document page = Jsoup.parse(login.body(), login.uri().toString());
    Element form = page.selectFirst("form#kc-form-login");
    if (form == null) {
      throw new IllegalStateException("no Keycloak sign-in form at " + login.uri());
    }
    String body = form(Map.of("username", user, "password", password, "credentialId", ""));
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!signedIn.uri().toString().startsWith(base)) {
      throw new IllegalStateException("sign-in of " + user + " ended at " + signedIn.uri());
    }
    return http;
  }

  /** A client-credentials token of a detector client. */
  String detectorToken(String clientId, String secret) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/dozor/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(
                                Map.of(
                                    "grant_type",
                                    "client_credentials",
                                    "client_id",
                                    clientId,
                                    "client_secret",
                                    secret))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("no token for " + clientId + ": " + r.body());
    }
    JsonNode token = JSON.readTree(r.body());
    return token.get("access_token").asText();
  }

  /**
   * Cookies as a browser keeps them for localhost, which it counts as a secure origin: Keycloak's
   * sign-in cookies are marked Secure, and Java's cookie manager would never send them over http.
   */
  private static final class LocalCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      Map<String, List<String>> plain = new java.util.HashMap<>();
      headers.forEach(
          (name, values) ->
              plain.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                      : values));
      super.put(uri, plain);
    }
  }

  HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build();
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
