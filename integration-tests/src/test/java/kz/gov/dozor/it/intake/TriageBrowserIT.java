package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.TriagePage;
import kz.gov.dozor.it.support.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
    TriagePage triage = new TriagePage(b, "url=" + marker);
    assertEquals(3, triage.rows().size());
    assertTrue(triage.matchCount().contains("3 items match"));
    assertTrue(b.pageText().contains("seen 3 times, from 1 sources"), b.pageText());

    // By host: each host with its count; a host's link filters the queue to it.
    List<WebElement> hosts = triage.byHost(3);
    String host = marker + "2.example";
    hosts.stream().filter(h -> h.getText().equals(host)).findFirst().orElseThrow().click();
    b.waitFor().until(d -> b.url().contains("host=" + host));
    assertEquals(1, triage.rows().size());

    // Two ticked, made into one case.
    triage = new TriagePage(b, "url=" + marker);
    triage
        .tick(ids.get(0))
        .tick(ids.get(1))
        .createCase("Illegal gambling", "Two mirrors of one casino.");
    b.waitFor().until(d -> b.url().contains("/cases/view"));
    String text = b.pageText();
    assertTrue(text.contains("created from 2 items"), text);
    assertTrue(text.contains(marker + "1.example") && text.contains(marker + "2.example"), text);

    // The third is dismissed with a reason, after the question.
    triage = new TriagePage(b, "url=" + marker);
    assertEquals(1, triage.rows().size());
    TriagePage dismissed = triage.tick(ids.get(2)).dismiss("A parked domain");
    b.waitFor().until(d -> dismissed.messages().contains("1 items dismissed"));
    assertEquals("DISMISSED", new TriageData(db).status(ids.get(2)));
    assertEquals("CASED", new TriageData(db).status(ids.get(0)));
  }

  @Test
  public void badFiltersInTheAddressAreExplainedAndAnUnknownOrderKeepsTheOthers(Browser b)
      throws Exception {
    TestData db = ClientDatabase.open();
    String marker = TriageData.marker("tf");
    new TriageData(db).items("afm", marker, 3, "crawler-filters");
    // Pending work of someone else's filter: shown only if the URL filter were dropped.
    new TriageData(db).items("afm", TriageData.marker("tg"), 2, "crawler-filters");

    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "ru");
    // An order the portal does not know is left out; the other filters of the address still apply.
    TriagePage triage = new TriagePage(b, "url=" + marker + "&sort=garbage&asc=maybe");
    assertEquals(3, triage.rows().size());

    // A score outside 0–1, a period that ends before it starts and a date that is none are
    // explained beside their fields, in the reader's language.
    triage =
        new TriagePage(
            b,
            "url="
                + marker
                + "&scoreMin=5&scoreMax=0.5&firstFrom=2026-05-10&firstTo=2026-05-01"
                + "&lastFrom=2026-13-45");
    assertEquals("Укажите оценку от 0 до 1, например 0.75.", triage.filterMessage("scoreMin"));
    assertEquals("Конец периода раньше его начала.", triage.filterMessage("firstTo"));
    assertEquals("Укажите дату, например 2026-05-01.", triage.filterMessage("lastFrom"));
    triage = new TriagePage(b, "url=" + marker + "&scoreMin=0.9&scoreMax=0.1");
    assertEquals("Наибольшая оценка меньше наименьшей.", triage.filterMessage("scoreMax"));
  }
}
