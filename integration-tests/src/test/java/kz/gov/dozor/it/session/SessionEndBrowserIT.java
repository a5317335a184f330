package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A session ended in Keycloak (signed out there, ended by an administrator, or the user disabled)
 * ends the portal's session within a minute: the portal's access token lives 60 s and its refresh
 * fails once Keycloak's session is gone.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SessionEndBrowserIT {

  private static final String PASSWORD = "Session-end-test-42";

  /** The token's lifespan plus room for a page load. */
  private static final Duration AT_MOST = Duration.ofSeconds(75);

  private String userId;

  @AfterEach
  void removeUser() {
    if (userId != null) {
      KeycloakAdmin.deleteUser(userId);
    }
  }

  @Test
  void aSessionEndedInKeycloakEndsThePortalsWithinAMinute(Browser b) {
    String username = signInNewInvestigator(b);

    KeycloakAdmin.admin("POST", "/users/" + userId + "/logout", null);
    Instant ended = Instant.now();

    Duration untilAsked = untilThePortalAsksToSignIn(b);
    assertTrue(untilAsked.compareTo(AT_MOST) <= 0, username + " was asked after " + untilAsked);
    assertTrue(Duration.between(ended, Instant.now()).compareTo(AT_MOST.plusSeconds(10)) <= 0);
  }

  @Test
  void disablingTheUserEndsTheirPortalSessionWithinAMinute(Browser b) {
    signInNewInvestigator(b);

    assertEquals(
        204, KeycloakAdmin.admin("PUT", "/users/" + userId, Map.of("enabled", false)).status());

    Duration untilAsked = untilThePortalAsksToSignIn(b);
    assertTrue(untilAsked.compareTo(AT_MOST) <= 0, "asked after " + untilAsked);
  }

  private String signInNewInvestigator(Browser b) {
    String username = "it-session-" + UUID.randomUUID().toString().substring(0, 8);
    userId = KeycloakAdmin.createUser(username, PASSWORD, "afm", "investigator");
    Portal.signIn(b, username, PASSWORD, null);
    b.open("");
    b.find(By.id("signOut"));
    return username;
  }

  /** Reloads the portal every few seconds until Keycloak's sign-in form shows instead. */
  private static Duration untilThePortalAsksToSignIn(Browser b) {
    Instant start = Instant.now();
    new WebDriverWait(b.driver(), AT_MOST.plusSeconds(30), Duration.ofSeconds(3))
        .until(
            d -> {
              b.open("");
              return b.url().startsWith(KeycloakAdmin.REALM_URL + "/")
                  && b.present(By.id("username"))
                  && !b.present(By.id("signOut"));
            });
    return Duration.between(start, Instant.now());
  }
}
