package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CaseListPage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What pages say: an administrator is not told to ask an administrator, an empty filtered list says
 * that nothing matches, and framework messages come in the page's language.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class WordingBrowserIT {

  @Test
  void anAdministratorsHomePageShowsTheirWorkNotAskAnAdministrator(Browser b) {
    Portal.signIn(b, "admin.afm");
    Portal.chooseLanguage(b, "en");
    b.open("index.xhtml");
    String text = b.find(By.id("home")).getText();
    assertFalse(text.toLowerCase().contains("ask an administrator"), text);
    assertEquals(
        "As an administrator you run the portal for your organisation: its people, its reference"
            + " data and its audit log.",
        b.find(By.id("homeGuide")).getText());
    assertTrue(b.present(By.id("homeAudit")));
    assertTrue(b.present(By.id("homeReferenceLink")));
    assertTrue(b.present(By.id("homeUsers")));
    Portal.chooseLanguage(b, "ru");
    String russian = b.find(By.id("home")).getText();
    assertFalse(russian.contains("обратитесь к администратору"), russian);
    assertTrue(
        russian.contains("Как администратор вы ведёте портал для своей организации"), russian);
  }

  @Test
  void aFilteredEmptyListSaysNothingMatches(Browser b) {
    Portal.signIn(b, "supervisor1");
    Portal.chooseLanguage(b, "en");
    CaseListPage list =
        new CaseListPage(b).filterByUrl("no-such-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(list.numbers().isEmpty());
    assertEquals(
        "No cases match the filters.",
        b.find(By.cssSelector("#results\\:cases .ui-datatable-empty-message")).getText());
  }

  @Test
  void aDetectionTimeInTheFutureIsRefusedInKazakh(Browser b) {
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "kk");
    NewCasePage form =
        new NewCasePage(b)
            .url(0, "https://future-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
    String tomorrow =
        LocalDateTime.now(ZoneId.of("Asia/Almaty"))
            .plusDays(2)
            .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    WebElement input = b.find(By.id("caseForm:detectedAt_input"));
    input.clear();
    input.sendKeys(tomorrow);
    form.register();

    String message = form.messageFor("caseForm:detectedAt");
    assertTrue(message.startsWith("Күн "), message);
    assertTrue(message.endsWith(" күнінен кеш болмауы тиіс."), message);
    assertFalse(message.matches("(?s).*[A-Za-z]{2,}.*"), "no English: " + message);
  }
}
