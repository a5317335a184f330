package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The story: an investigator imports a CSV with a bad row, watches the progress, reads the
 * rejected row and triages the imported URLs into one case.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class ImportBrowserIT {

  @Test
  public void anInvestigatorImportsACsvWithABadRowAndTriagesTheResultIntoACase(Browser b)
      throws Exception {
    String marker = TriageData.marker("ib");
    Path dir = Files.createTempDirectory("import");
    Path csv = dir.resolve("crawler-export.csv");
    Files.writeString(
        csv,
        "url,platform,category,note\n"
            + "https://"
            + marker
            + "1.example/,WEBSITE,ILLEGAL_GAMBLING,banner\n"
            + "https://"
            + marker
            + "2.example/,,ILLEGAL_GAMBLING,\n"
            + ",,,a row without a URL\n"
            + "https://"
            + marker
            + "3.example/,,,\n",
        StandardCharsets.UTF_8);

    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    b.find(By.id("navTriage")).click();
    b.find(By.id("toImports")).click();
    WebElement message = b.driver().findElement(By.id("upload:file-message"));
    b.driver().findElement(By.id("upload:file_input")).sendKeys(csv.toString());
    b.waitFor().until(ExpectedConditions.stalenessOf(message));
    assertTrue(
        b.find(By.id("upload:file-message")).getText().contains("crawler-export.csv received"),
        b.pageText());

    // The list follows the job by itself until it is done: four rows read, one rejected.
    b.waitFor()
        .until(
            d ->
                firstCounts(b)
                    .contains("4 of 4 rows read: 3 new, 0 merged, 0 suppressed, 1 rejected"));
    assertEquals(
        "Done", b.find(By.cssSelector("#list\\:imports_data tr .dz-import-status")).getText());
    assertTrue(
        b.find(By.cssSelector("#list\\:imports_data tr .dz-progress")).getText().contains("100%"));

    // The import's page lists the rejected row by its number.
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.cssSelector("#list\\:imports_data tr a.dz-import-link")).click();
    b.waitFor().until(ExpectedConditions.stalenessOf(page));
    List<WebElement> rejected = b.all(By.cssSelector("#rejected\\:rows_data .dz-row-number"));
    assertEquals(List.of("4"), rejected.stream().map(WebElement::getText).toList());
    assertTrue(b.pageText().contains("The row has no URL."), b.pageText());

    // The imported URLs wait in triage; all that match become one case.
    b.open("/intake/triage.xhtml?source=import&url=" + marker);
    b.idle();
    assertEquals(3, b.all(By.cssSelector("#results\\:items_data tr[data-rk]")).size());
    b.find(By.cssSelector("#results\\:allMatching .ui-chkbox-box")).click();
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
    b.find(By.id("results:description")).sendKeys("Casino mirrors from the crawler's export.");
    page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("results:createCase")).click();
    b.waitFor().until(ExpectedConditions.stalenessOf(page));
    String text = b.pageText();
    assertTrue(text.contains("created from 3 items"), text);
    for (int i = 1; i <= 3; i++) {
      assertTrue(text.contains(marker + i + ".example"), text);
    }
  }

  private static String firstCounts(Browser b) {
    List<WebElement> counts = b.all(By.cssSelector("#list\\:imports_data tr .dz-import-counts"));
    try {
      return counts.isEmpty() ? "" : counts.get(0).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }
}
