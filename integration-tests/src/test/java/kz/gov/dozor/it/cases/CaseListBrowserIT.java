package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CaseListPage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The filter boxes under the case list's column headers filter the list, in the database. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class CaseListBrowserIT {

  @Test
  public void typingIntoTheColumnFiltersFindsTheCase(Browser b) {
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    String marker = "list-" + UUID.randomUUID().toString().substring(0, 8);
    String gambling = register(b, marker + "-a", "Illegal gambling");
    String pyramid = register(b, marker + "-b", "Financial pyramid");

    CaseListPage list = new CaseListPage(b).filterByUrl(marker);
    assertEquals(List.of(pyramid, gambling), list.numbers());
    // Who registered them, by name as people read it, not by login.
    assertEquals(
        List.of("Nurlan Bekov", "Nurlan Bekov"),
        b.all(By.cssSelector("#results\\:cases .dz-registered-by")).stream()
            .map(WebElement::getText)
            .toList());

    // The registration number typed under its header: only that case is left.
    typeInto(b, "results:cases:number:filter", gambling.substring(gambling.length() - 6));
    waitForNumbers(b, List.of(gambling));
    typeInto(b, "results:cases:number:filter", "");
    waitForNumbers(b, List.of(pyramid, gambling));

    // The category chosen under its header.
    choose(b, "results:cases:categoryFilter", "Financial pyramid");
    waitForNumbers(b, List.of(pyramid));
    choose(b, "results:cases:categoryFilter", "Any");
    waitForNumbers(b, List.of(pyramid, gambling));

    // The status chosen under its header: both are registered, none is closed.
    choose(b, "results:cases:statusFilter", "Closed");
    waitForNumbers(b, List.of());
    choose(b, "results:cases:statusFilter", "Registered");
    waitForNumbers(b, List.of(pyramid, gambling));

    // The case or notification number in the search form.
    WebElement number = b.find(By.id("filters:number"));
    number.clear();
    number.sendKeys(pyramid);
    WebElement table = b.find(By.id("results:cases"));
    b.find(By.id("filters:search")).click();
    b.waitFor().until(Browser.stale(table));
    waitForNumbers(b, List.of(pyramid));
  }

  private static void typeInto(Browser b, String id, String text) {
    WebElement box = b.find(By.id(id));
    box.clear();
    if (text.isEmpty()) {
      // clear() sends no key: the filter listens to keys.
      box.sendKeys("x");
      box.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    } else {
      box.sendKeys(text);
    }
  }

  /**
   * Chooses in a PrimeFaces select under a column header, as a user clicks it. A click that lands
   * while the list is still opening or the table is being filtered is lost; the user clicks again,
   * and so does this.
   */
  private static void choose(Browser b, String id, String label) {
    String panel = id + "_panel";
    for (int attempt = 1; ; attempt++) {
      b.idle();
      WebDriverWait shortWait = new WebDriverWait(b.driver(), Duration.ofSeconds(10));
      try {
        b.find(By.id(id)).click();
        shortWait.until(
            d -> d.findElement(By.id(panel)).getAttribute("class").contains("overlay-enter-done"));
        b.find(By.cssSelector("#" + panel.replace(":", "\\:") + " li[data-label='" + label + "']"))
            .click();
        shortWait.until(d -> label.equals(d.findElement(By.id(id + "_label")).getText()));
        return;
      } catch (TimeoutException | StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static void waitForNumbers(Browser b, List<String> expected) {
    b.waitFor()
        .until(
            d -> {
              b.idle();
              return expected.equals(
                  d.findElements(By.cssSelector("#results\\:cases .dz-case-link")).stream()
                      .map(WebElement::getText)
                      .toList());
            });
  }

  private static String register(Browser b, String host, String category) {
    new NewCasePage(b)
        .url(0, "https://" + host + ".example/")
        .category(category)
        .detectedHoursAgo(2)
        .description("Found while monitoring.")
        .attach("screen.png", TestFiles.png(4))
        .register();
    return b.find(By.id("registrationNumber")).getText();
  }
}
