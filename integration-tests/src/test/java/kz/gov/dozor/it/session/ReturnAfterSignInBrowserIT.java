package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Totp;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every sign-in returns to the portal's one registered address, yet a user who followed a link (an
 * e-mail about a notification, a bookmark) ends up on the page they asked for.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class ReturnAfterSignInBrowserIT {

  @Test
  void aSignedOutUserLandsOnThePageTheyAskedFor(Browser b) {
    b.open("cases/list.xhtml?from=link");
    assertTrue(b.url().startsWith(KeycloakAdmin.REALM_URL + "/"), b.url());
    assertTrue(
        b.url()
            .contains(
                "redirect_uri="
                    + java.net.URLEncoder.encode(
                        Browser.BASE_URL, java.nio.charset.StandardCharsets.UTF_8)
                    + "&"),
        b.url());

    Portal.submitPassword(b, "investigator1", Portal.PASSWORD);

    b.find(By.id("results:cases"));
    assertEquals(Browser.BASE_URL + "cases/list.xhtml?from=link", b.url());
  }

  @Test
  void anOfficerFollowingALinkLandsThereAfterTheOneTimePassword(Browser b) {
    b.open("registry/list.xhtml");

    Portal.submitPassword(b, "officer1", Portal.PASSWORD);
    Portal.submitOneTimePassword(b, Totp.freshCode("officer1", Totp.demoSecret("officer1")));

    b.find(By.id("signOut"));
    assertEquals(Browser.BASE_URL + "registry/list.xhtml", b.url());
  }
}
