package kz.gov.dozor.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Every page carries a Content-Security-Policy that allows only the page's own nonce'd scripts, the
 * pages use no inline handlers, and the session cookie is SameSite (and Secure over https). The
 * browser extension fails any browser test that sees a violation; the detector is checked here too.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SecurityPolicyBrowserIT {

  private static final List<String> PAGES =
      List.of(
          "cases/list.xhtml",
          "cases/new.xhtml",
          "notices/list.xhtml",
          "registry/list.xhtml",
          "inbox/list.xhtml");

  @Test
  void everyPageHasAPolicyWithANonceAndNoInlineHandlers(Browser b) {
    Portal.signIn(b, "investigator1");
    for (String page : PAGES) {
      b.open(page);
      b.find(By.id("signOut"));
      b.idle();
      Map<String, Object> r = b.fetch(Browser.BASE_URL + page);
      assertEquals(200L, ((Number) r.get("status")).longValue(), page);
      assertPolicyWithNonce((String) r.get("csp"), page);
      assertEquals(
          List.of(),
          b.script(
              "return Array.from(document.querySelectorAll('*')).flatMap(el =>"
                  + " Array.from(el.attributes).filter(a => /^on/i.test(a.name)"
                  + " || /^\\s*javascript:/i.test(a.value)).map(a => el.tagName + ' ' + a.name));"),
          "inline handlers on " + page);
    }
    // The error pages and files carry a policy too.
    Map<String, Object> missing = b.fetch(Browser.BASE_URL + "cases/view.xhtml?id=999999999");
    assertEquals(404L, ((Number) missing.get("status")).longValue());
    assertPolicyWithNonce((String) missing.get("csp"), "the 404 page");
    Map<String, Object> refused = b.fetch(Browser.BASE_URL + "audit/log.xhtml");
    assertEquals(403L, ((Number) refused.get("status")).longValue());
    assertPolicyWithNonce((String) refused.get("csp"), "the 403 page");
    Map<String, Object> file = b.fetch(Browser.BASE_URL + "resources/dozor/js/dozor.js");
    assertTrue(((String) file.get("csp")).contains("script-src 'self'"), file.toString());
    assertEquals(List.of(), b.cspViolations());
  }

  @Test
  void theDetectorSeesAnInlineScriptRefused() {
    try (Browser own = new Browser()) {
      Portal.signIn(own, "investigator1");
      own.script(
          "const s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
              + " document.body.appendChild(s);");
      own.waitFor().until(d -> !own.cspViolations().isEmpty());
      assertEquals(null, own.script("return window.injected === undefined ? null : 1;"));
    }
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndHttpOnly(Browser b) {
    Portal.signIn(b, "investigator1");
    Cookie session = b.driver().manage().getCookieNamed("JSESSIONID");
    assertNotNull(session);
    assertEquals("Lax", session.getSameSite());
    assertTrue(session.isHttpOnly());
    assertFalse(session.isSecure(), "plain http: a Secure cookie would never come back");
  }

  @Test
  void overHttpsEveryCookieOfThePortalIsSecureToo() throws Exception {
    // The realm's redirect addresses are exact (http), so a sign-in cannot be completed over
    // https here; the cookies of the first, unauthenticated answer pass the same handlers.
    int https = 8443 + Integer.getInteger("test.port.offset", 10);
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trustingSelfSigned())
            .sslParameters(noHostnameCheck())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<Void> r =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + https + "/dozor/")).build(),
            HttpResponse.BodyHandlers.discarding());
    List<String> cookies = r.headers().allValues("set-cookie");
    assertFalse(cookies.isEmpty(), r.headers().map().toString());
    for (String cookie : cookies) {
      String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
      assertTrue(attributes.contains("; secure"), cookie);
      assertTrue(attributes.contains("samesite=lax"), cookie);
      assertTrue(attributes.contains("httponly"), cookie);
    }
  }

  private static void assertPolicyWithNonce(String csp, String where) {
    assertNotNull(csp, "no Content-Security-Policy on " + where);
    assertTrue(
        csp.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}';?\\s*$"),
        where + ": " + csp);
    assertTrue(csp.contains("object-src 'none'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
    assertFalse(csp.replace("style-src 'self' 'unsafe-inline'", "").contains("unsafe-inline"), csp);
  }

  /** The test server's https listener has a self-signed certificate made at start-up. */
  private static SSLContext trustingSelfSigned() throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return ssl;
  }

  private static SSLParameters noHostnameCheck() {
    SSLParameters p = new SSLParameters();
    p.setEndpointIdentificationAlgorithm(null);
    return p;
  }
}
