package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A capture as the people do it: the agency's administrator allows the fixture site's address
 * (internal, so refused until then), the investigator asks for a capture on the case page and
 * watches it go from queued to done, its files appearing among the case's evidence.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class CaptureBrowserIT {

  @Test
  void theInvestigatorCapturesAPageOnTheCasePage(Browser admin, Browser investigator) {
    String site = System.getProperty("dozor.fixture.url");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Portal.signIn(investigator, "investigator2");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://capture-" + marker + ".example/")
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Casino to capture.")
        .attach("lobby.png", TestFiles.png(77))
        .register();

    // Not allowed (yet, perhaps): the fixture site is on 127.0.0.1. The administrator allows it.
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    admin.find(By.id("homeCaptureTargetsLink")).click();
    if (!admin.find(By.id("list:targets")).getText().contains("127.0.0.1")) {
      admin.find(By.id("target:target")).sendKeys("127.0.0.1");
      admin.find(By.id("target:note")).sendKeys("The tests' fixture site");
      admin.find(By.id("target:allow")).click();
      admin.waitFor().until(d -> admin.find(By.id("list:targets")).getText().contains("127.0.0.1"));
    }

    // Act: the investigator asks for a capture of a page behind a redirect.
    investigator.find(By.id("captureForm:url")).sendKeys(site + "/redirect");
    investigator.find(By.id("captureForm:capture")).click();
    investigator.waitFor().until(d -> investigator.pageText().contains("The capture is queued"));

    // Assert: the table follows it to done, and its files join the evidence. The poll re-renders
    // the table and the evidence while it runs: an element read then is looked up again.
    new WebDriverWait(investigator.driver(), Duration.ofSeconds(90))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("captureList:captures")).getText().contains("done"));
    new WebDriverWait(investigator.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("evidence")).getText().contains("screenshot.png"));
    String captures = textOf(investigator, By.id("captureList:captures"));
    assertTrue(captures.contains("HTTP 200") && captures.contains(site + "/long"), captures);
    String evidence = textOf(investigator, By.id("evidence"));
    assertTrue(evidence.contains("page.html") && evidence.contains("record.json"), evidence);
  }

  /** The element's text, read again if a re-render replaced the element meanwhile. */
  private static String textOf(Browser b, By by) {
    return b.waitFor().until(d -> d.findElement(by).getText());
  }
}
