package kz.gov.dozor.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A ministry officer refused the agency's case page is in the agency administrator's audit log and
 * in the ministry's, with the address asked for, query included.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class AuditOwnerBrowserIT {

  @Test
  void bothAdministratorsSeeTheOfficersRefusedLookAtTheAgencysCase(
      Browser investigator, Browser officer, Browser agencyAdmin, Browser ministryAdmin) {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://pyramid-" + marker + ".example/")
        .category("Financial pyramid")
        .detectedHoursAgo(1)
        .description("A pyramid scheme promising 40% a month.")
        .attach("offer.png", TestFiles.png(31))
        .register();
    investigator.find(By.id("signOut"));
    Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(investigator.url());
    assertTrue(id.find(), investigator.url());

    String asked = "cases/view.xhtml?id=" + id.group(1) + "&from=" + marker;
    Portal.signIn(officer, "officer2");
    officer.open(asked);
    assertEquals("403", officer.find(By.id("errorCode")).getText());

    for (var admin :
        java.util.List.of(
            java.util.Map.entry("admin.afm", agencyAdmin),
            java.util.Map.entry("admin.mci", ministryAdmin))) {
      Browser b = admin.getValue();
      Portal.signIn(b, admin.getKey());
      Portal.chooseLanguage(b, "en");
      b.open("audit/log.xhtml");
      b.find(By.id("log:entries"));
      String log = b.find(By.id("log:entries")).getText();
      assertTrue(log.contains("/dozor/" + asked), admin.getKey() + " sees the address:\n" + log);
      assertTrue(log.contains("officer2"), log);
    }
  }
}
