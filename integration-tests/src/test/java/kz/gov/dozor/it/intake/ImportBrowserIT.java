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
import kz.gov.dozor.it.support.Portal.ImportsPage;
import kz.gov.dozor.it.support.Portal.TriagePage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

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
    ImportsPage imports = new ImportsPage(b);
    String received = imports.upload(csv);
    assertTrue(received.contains("crawler-export.csv received"), received);

    // The list follows the job by itself until it is done: four rows read, one rejected.
    imports.awaitCounts("4 of 4 rows read: 3 new, 0 merged, 0 suppressed, 1 rejected");
    assertEquals("Done", imports.newest(".dz-import-status"));
    assertTrue(imports.newest(".dz-progress").contains("100%"));

    // The import's page lists the rejected row by its number.
    imports.openNewest();
    assertEquals(List.of("4"), imports.rejectedRows());
    assertTrue(b.pageText().contains("The row has no URL."), b.pageText());

    // The imported URLs wait in triage; all that match become one case.
    TriagePage triage = new TriagePage(b, "source=import&url=" + marker);
    assertEquals(3, triage.rows().size());
    triage
        .tickAllMatching()
        .createCase("Illegal gambling", "Casino mirrors from the crawler's export.");
    String text = b.pageText();
    assertTrue(text.contains("created from 3 items"), text);
    for (int i = 1; i <= 3; i++) {
      assertTrue(text.contains(marker + i + ".example"), text);
    }
  }

  @Test
  public void rejectedRowsAreExplainedInTheReadersLanguage(Browser b) throws Exception {
    String marker = TriageData.marker("ir");
    Path csv = Files.createTempDirectory("import").resolve("typos.csv");
    Files.writeString(
        csv,
        "url,platform\n"
            + "https://"
            + marker
            + "1.example/,MOON\n"
            + "ftp://"
            + marker
            + "2.example/,\n",
        StandardCharsets.UTF_8);

    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "ru");
    ImportsPage imports = new ImportsPage(b);
    imports.upload(csv);
    imports.awaitCounts("отклонено 2");
    imports.openNewest();

    assertEquals(List.of("2", "3"), imports.rejectedRows());
    assertEquals(
        List.of(
            "Платформа неизвестна; известны: WEBSITE, TELEGRAM, INSTAGRAM, TIKTOK, YOUTUBE,"
                + " FACEBOOK, VK, X, WHATSAPP, OTHER.",
            "URL — не корректный адрес http или https."),
        imports.rejectedReasons());

    // An address that names no import ends in the "not found" page, not in a blank one.
    for (String address : List.of("intake/import.xhtml", "intake/import.xhtml?id=abc")) {
      b.open(address);
      assertEquals("404", b.find(By.id("errorCode")).getText(), address);
    }
  }
}
