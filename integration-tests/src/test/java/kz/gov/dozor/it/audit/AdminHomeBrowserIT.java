package kz.gov.dozor.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator's home says how many people the organisation has and leads to users, reference
 * data and the audit log; the audit log narrows to one person, one action and one period.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class AdminHomeBrowserIT {

  @Test
  void theHomeCountsPeopleAndLeadsToTheAuditLog(Browser admin) {
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    admin.open("");

    long total = Long.parseLong(admin.find(By.id("peopleTotal")).getText().trim());
    assertTrue(total >= 1, "at least the administrator: " + total);
    Long.parseLong(admin.find(By.id("peopleDisabled")).getText().trim());
    Long.parseLong(admin.find(By.id("peopleNeverSignedIn")).getText().trim());

    admin.find(By.id("homeAudit")).click();
    admin.find(By.id("log:entries"));
    assertTrue(admin.url().contains("/audit/log.xhtml"), admin.url());
  }

  @Test
  void theAuditLogNarrowsToOnePersonOneActionAndOnePeriod(Browser admin) {
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    admin.open("audit/log.xhtml");

    admin.find(By.id("filters:user")).sendKeys("admin.afm");
    new Select(admin.find(By.id("filters:action"))).selectByVisibleText("Signed in");
    admin.find(By.id("filters:search")).click();
    admin.idle();

    List<WebElement> actions = admin.all(By.cssSelector("#log\\:entries .dz-audit-action"));
    assertFalse(actions.isEmpty(), "the administrator's own sign-in is listed");
    for (WebElement action : actions) {
      assertEquals("Signed in", action.getText());
    }
    for (WebElement who : admin.all(By.cssSelector("#log\\:entries .dz-audit-login"))) {
      assertEquals("admin.afm", who.getText().trim());
    }

    // A period that ends before it starts is explained beside the field.
    admin.find(By.id("filters:from_input")).sendKeys("10.10.2026");
    admin.find(By.id("filters:to_input")).sendKeys("01.10.2026");
    admin.find(By.id("filters:search")).click();
    admin.idle();
    assertTrue(
        admin
            .find(By.id("filters"))
            .getText()
            .contains("The end of the period is before its start"),
        admin.find(By.id("filters")).getText());
    assertTrue(
        admin.find(By.id("log:entries")).getText().contains("No entries match the filter"),
        admin.find(By.id("log:entries")).getText());
  }
}
