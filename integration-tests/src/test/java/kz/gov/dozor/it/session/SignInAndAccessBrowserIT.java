package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Who may see what, signing out, and the language switch, through the real Keycloak. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SignInAndAccessBrowserIT {

  @Test
  void ministryOfficerGets403OnTheAgencysCasePageAndEvidence(
      Browser investigator, Browser officer) {
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://pyramid-" + UUID.randomUUID().toString().substring(0, 8) + ".example/")
        .category("Financial pyramid")
        .detectedHoursAgo(1)
        .description("Pyramid scheme promising 40% a month.")
        .attach("offer.jpg", TestFiles.jpeg(7))
        .register();
    String caseUrl = investigator.url();
    String evidenceUrl = investigator.find(By.cssSelector("a.dz-download")).getAttribute("href");
    assertTrue(caseUrl.contains("/cases/view.xhtml?id="), caseUrl);

    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    assertTrue(officer.all(By.id("navCases")).isEmpty(), "no case menu for the ministry");
    officer.open(caseUrl);
    assertEquals("403", officer.find(By.id("errorCode")).getText());
    assertTrue(officer.pageText().contains("Access denied"));
    officer.open(evidenceUrl);
    assertEquals("403", officer.find(By.id("errorCode")).getText());
    officer.open("");
    assertEquals(403L, officer.fetch(evidenceUrl).get("status"));
    assertEquals(403L, officer.fetch(caseUrl).get("status"));
    assertEquals(403L, officer.fetch(evidenceUrl.replace("/download", "/thumbnail")).get("status"));
  }

  @Test
  void supervisorCannotRegisterAndSignOutEndsTheKeycloakSession(Browser b) {
    Portal.signIn(b, "supervisor1");
    // A supervisor sees the agency's cases but may not register one: the form itself refuses.
    b.open("cases/new.xhtml");
    assertEquals("403", b.find(By.id("errorCode")).getText());
    b.open("cases/view.xhtml?id=not-a-number");
    assertEquals("404", b.find(By.id("errorCode")).getText());
    b.open("cases/view.xhtml?id=987654321098");
    assertEquals("404", b.find(By.id("errorCode")).getText());

    b.find(By.id("signOut")).click();

    b.find(By.id("username"));
    assertTrue(b.url().startsWith(KeycloakAdmin.REALM_URL + "/"), b.url());
    // Opening the portal again asks to sign in again: the Keycloak session is gone.
    b.open("cases/list.xhtml");
    b.find(By.id("username"));
    assertTrue(b.url().startsWith(KeycloakAdmin.REALM_URL + "/"), b.url());
  }

  @Test
  void languageSwitchChangesThePageAndTheChoiceSticks(Browser b, Browser later) {
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    assertEquals("Cases", b.find(By.id("navCases")).getText());
    try {
      Portal.chooseLanguage(b, "kk");
      assertEquals("Істер", b.find(By.id("navCases")).getText());
      Portal.chooseLanguage(b, "ru");
      assertEquals("Дела", b.find(By.id("navCases")).getText());

      // A new session of the same user starts in the language they chose.
      Portal.signIn(later, "investigator2");
      assertEquals("ru", later.find(By.tagName("html")).getAttribute("lang"));
      assertEquals("Дела", later.find(By.id("navCases")).getText());
    } finally {
      Portal.chooseLanguage(b, "en");
    }
  }
}
