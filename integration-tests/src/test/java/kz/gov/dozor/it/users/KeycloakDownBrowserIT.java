package kz.gov.dozor.it.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Keycloak stops answering: the users pages say so, and the rest of the portal works on. The test
 * freezes the Keycloak of its own port (SIGSTOP: connections are accepted and never answered, the
 * worst case for a client) and always lets it go on again.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class KeycloakDownBrowserIT {

  @Test
  void theUsersPagesSaySoAndCasePagesStillWork(Browser admin, Browser investigator)
      throws Exception {
    // Signed in first: their tokens are good for a minute without Keycloak.
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");

    long keycloak = keycloakProcess();
    signal("STOP", keycloak);
    try {
      long started = System.nanoTime();
      admin.open("users/list.xhtml");
      String said = admin.find(By.id("directoryUnavailable")).getText();
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertTrue(said.contains("Keycloak") && said.contains("does not answer"), said);
      assertTrue(seconds < 15, "the page answered after " + seconds + " s");
      assertTrue(admin.present(By.id("navRegistry")), "the rest of the portal is offered");

      investigator.find(By.id("navCases")).click();
      investigator.find(By.id("results:cases"));
      List<String> numbers =
          investigator.all(By.cssSelector("#results\\:cases .dz-case-link")).stream()
              .map(e -> e.getText())
              .toList();
      assertFalse(numbers.isEmpty(), "the case list works");
      investigator.find(By.linkText(numbers.get(0))).click();
      assertEquals(numbers.get(0), investigator.find(By.id("registrationNumber")).getText());
    } finally {
      signal("CONT", keycloak);
    }

    // Keycloak is back: so is the list.
    admin.open("users/list.xhtml");
    admin.find(By.id("results:users"));
    assertFalse(admin.present(By.id("directoryUnavailable")));
    assertTrue(admin.find(By.id("results:users")).getText().contains("admin.afm"));
  }

  /** The Keycloak serving this test build: the java process listening on its HTTP port. */
  private static long keycloakProcess() {
    String port = String.valueOf(URI.create(KeycloakAdmin.URL).getPort());
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("QuarkusEntryPoint") && c.contains("--http-port " + port))
                    .orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Keycloak on port " + port));
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
  }
}
