package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Officers and administrators give a one-time password after their password; others do not. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SecondFactorBrowserIT {

  @Test
  void anOfficerSignsInWithAOneTimePasswordAndAWrongOneIsRefused(Browser b) {
    b.open("");
    Portal.submitPassword(b, "officer2", Portal.PASSWORD);

    // The password alone does not open the portal.
    b.find(By.id("otp"));
    assertTrue(b.url().startsWith(KeycloakAdmin.REALM_URL + "/"), b.url());

    Portal.submitOneTimePassword(b, Totp.wrongCode(Totp.demoSecret("officer2")));
    b.find(By.id("otp"));
    assertTrue(b.present(By.id("input-error-otp")), "the wrong code is named as such");
    assertFalse(b.present(By.id("signOut")));

    Portal.submitOneTimePassword(b, Totp.freshCode("officer2", Totp.demoSecret("officer2")));
    b.find(By.id("signOut"));
    assertTrue(b.url().startsWith(Browser.BASE_URL), b.url());
  }

  @Test
  void anAdministratorIsAskedForOneToo(Browser b) {
    b.open("");
    Portal.submitPassword(b, "admin.mci", Portal.PASSWORD);

    b.find(By.id("otp"));
    assertFalse(b.present(By.id("signOut")));
  }

  @Test
  void anInvestigatorSignsInWithThePasswordAlone(Browser b) {
    b.open("");
    Portal.submitPassword(b, "investigator2", Portal.PASSWORD);

    b.find(By.id("signOut"));
    assertFalse(b.present(By.id("otp")));
  }
}
