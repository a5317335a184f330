package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request carrying a bearer token (a program, not a person in a browser) gets no session and
 * leaves no "signed in" entry; the same user signing in through the browser does.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class BearerTokenIT {

  private static final String PASSWORD = "Bearer-test-user-42";

  @Test
  void aBearerRequestCreatesNoSessionAndRecordsNoSignIn(Browser b) throws Exception {
    String username = "it-bearer-" + UUID.randomUUID().toString().substring(0, 8);
    String userId = KeycloakAdmin.createUser(username, PASSWORD, "afm", "investigator");
    Map<String, String> client = KeycloakAdmin.createPasswordClient();
    try {
      String token =
          (String)
              KeycloakAdmin.passwordGrant(
                      client.get("clientId"), client.get("secret"), username, PASSWORD)
                  .json()
                  .get("access_token");

      for (String path : new String[] {"", "index.xhtml", "cases/list.xhtml"}) {
        HttpResponse<String> answer =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode(), path);
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), path + ": no session");
        assertTrue(
            answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "), path);
      }
      assertEquals(0, signInsRecordedFor(username));

      // The same person in a browser: one sign-in, recorded.
      Portal.signIn(b, username, PASSWORD, null);
      assertEquals(1, signInsRecordedFor(username));
    } finally {
      KeycloakAdmin.deleteClient(client.get("clientId"));
      KeycloakAdmin.deleteUser(userId);
    }
  }

  private static int signInsRecordedFor(String username) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("dozor.test.db.url"),
                System.getenv().getOrDefault("DOZOR_DB_USER", "dozor"),
                System.getenv().getOrDefault("DOZOR_DB_PASSWORD", "dozor"));
        PreparedStatement q =
            c.prepareStatement(
                "select count(*) from audit_entry where actor = ? and action = 'SIGN_IN'")) {
      q.setString(1, username);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
