package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An investigator works the triage queue: a filtered queue at a bookmarkable address, the view by
 * host, two items made into one case, the third dismissed.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class TriageBrowserIT {

  @Test
  public void anInvestigatorTriagesItemsIntoACaseAndDismissesTheRest(Browser b) throws Exception {
    TestData db = ClientDatabase.open();
    String marker = TriageData.marker("tb");
    List<Long> ids = new TriageData(db).items("afm", marker, 3, "crawler-browser");

    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    b.find(By.id("navTriage")).click();
    b.find(By.id("results:matchCount"));
    // The filters are in the address: this one can be bookmarked.
    b.open("/intake/triage.xhtml?url=" + marker);
    assertEquals(3, rows(b).size());
    assertTrue(b.find(By.id("results:matchCount")).getText().contains("3 items match"));
    assertTrue(b.pageText().contains("seen 3 times, from 1 sources"), b.pageText());

    // By host: each host with its count; a host's link filters the queue to it.
    b.find(By.id("results:byHost")).click();
    List<WebElement> hosts = b.waitFor().until(d -> hostLinks(b).size() == 3 ? hostLinks(b) : null);
    String host = marker + "2.example";
    hosts.stream().filter(h -> h.getText().equals(host)).findFirst().orElseThrow().click();
    b.waitFor().until(d -> b.url().contains("host=" + host));
    assertEquals(1, rows(b).size());
    b.open("/intake/triage.xhtml?url=" + marker);

    // Two ticked, made into one case.
    tick(b, ids.get(0));
    tick(b, ids.get(1));
    b.find(By.id("results:chooseCase")).click();
    b.find(By.id("results:caseCategory")).click();
    b.waitFor()
        .until(
            d ->
                d.findElement(By.id("results:caseCategory_panel"))
                    .getAttribute("class")
                    .contains("overlay-enter-done"));
    b.find(By.cssSelector("#results\\:caseCategory_items li[data-label='Illegal gambling']"))
        .click();
    b.waitFor()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.id("results:caseCategory_panel")));
    b.find(By.id("results:description")).sendKeys("Two mirrors of one casino.");
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("results:createCase")).click();
    b.waitFor().until(ExpectedConditions.stalenessOf(page));
    b.waitFor().until(d -> b.url().contains("/cases/view"));
    String text = b.pageText();
    assertTrue(text.contains("created from 2 items"), text);
    assertTrue(text.contains(marker + "1.example") && text.contains(marker + "2.example"), text);

    // The third is dismissed with a reason, after the question.
    b.open("/intake/triage.xhtml?url=" + marker);
    assertEquals(1, rows(b).size());
    tick(b, ids.get(2));
    b.find(By.id("results:chooseDismiss")).click();
    b.find(By.id("results:reason")).sendKeys("A parked domain");
    b.find(By.id("results:dismiss")).click();
    b.find(By.id("results:confirmYes")).click();
    b.waitFor()
        .until(d -> b.find(By.id("results:messages")).getText().contains("1 items dismissed"));
    b.idle();
    assertEquals("DISMISSED", new TriageData(db).status(ids.get(2)));
    assertEquals("CASED", new TriageData(db).status(ids.get(0)));
  }

  private static List<WebElement> rows(Browser b) {
    b.idle();
    return b.all(By.cssSelector("#results\\:items_data tr[data-rk]"));
  }

  private static List<WebElement> hostLinks(Browser b) {
    return b.all(By.cssSelector("#results\\:hosts a.dz-host-link"));
  }

  private static void tick(Browser b, long id) {
    b.find(By.cssSelector("#results\\:items_data tr[data-rk='" + id + "'] .ui-chkbox-box")).click();
    b.waitFor()
        .until(
            d ->
                d.findElement(By.cssSelector("#results\\:items_data tr[data-rk='" + id + "']"))
                    .getAttribute("aria-selected")
                    .equals("true"));
  }
}
