package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CasePage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.Portal.NoticePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * After the ministry blocks one resource, refuses another and lifts the block, the investigator's
 * case page shows each answer and how it came about, and the history shows the hand-overs.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class CaseMinistryAnswerBrowserIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  @Test
  public void theCasePageShowsTheMinistrysAnswerPerResource(
      Browser investigator, Browser supervisor, Browser officer) {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String site = "casino-" + marker + ".example";
    String channel = "t.me/casino_" + marker;
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://" + site + "/")
        .addResource()
        .url(1, channel)
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Casino on a website and a Telegram channel.")
        .attach("site.png", TestFiles.png(31))
        .register();
    String caseUrl = investigator.url();
    String caseNumber = investigator.find(By.id("registrationNumber")).getText();
    new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    assertTrue(
        investigator
            .find(By.id("resourcesForm:resources"))
            .getText()
            .contains("Not sent to the ministry"));

    new CasePage(investigator).pickAllShown();
    investigator.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    investigator.find(By.id("noticeForm:justification")).sendKeys("Unlicensed casino.");
    investigator.idle();
    investigator.find(By.id("noticeForm:submitNotice")).click();
    new NoticePage(investigator);
    String noticeUrl = investigator.url();

    Portal.signIn(supervisor, "supervisor1");
    Portal.chooseLanguage(supervisor, "en");
    supervisor.open(noticeUrl);
    String number = new NoticePage(supervisor).signOff().number();

    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    officer.open(noticeUrl);
    NoticePage decision = new NoticePage(officer);
    int siteRow = decision.itemText(0).contains(site) ? 0 : 1;
    int channelRow = 1 - siteRow;
    decision.decide(siteRow, "BLOCK", "MCI-" + marker, TODAY, null);
    new NoticePage(officer).decide(channelRow, "REFUSE", null, null, "The channel is deleted.");
    new NoticePage(officer).lift(siteRow, "Content removed by the owner.");

    investigator.open(caseUrl);
    List<WebElement> rows = investigator.all(By.cssSelector("#resourcesForm\\:resources tbody tr"));
    String siteText = rows.get(0).getText();
    String channelText = rows.get(1).getText();
    assertTrue(siteText.contains(site), siteText);
    for (String fact :
        new String[] {
          "Block lifted",
          "Sent to the ministry in notification",
          number,
          "Decision No. MCI-" + marker + " of " + TODAY,
          "Ministry of Culture and Information",
          "Content removed by the owner.",
          "Dana Omarova",
          "Marat Zhaksylykov"
        }) {
      assertTrue(siteText.contains(fact), fact + " in " + siteText);
    }
    for (String fact : new String[] {"Block refused", number, "The channel is deleted."}) {
      assertTrue(channelText.contains(fact), fact + " in " + channelText);
    }
    assertFalse(channelText.contains("Block lifted"), channelText);
    // The notification is a link to it.
    assertTrue(
        rows.get(0)
            .findElement(By.cssSelector("a.dz-notice-link"))
            .getAttribute("href")
            .contains(noticeUrl.substring(noticeUrl.indexOf("id="))));

    // For a person to look at: the resources and the history as the investigator sees them.
    investigator.script(
        "arguments[0].scrollIntoView()", investigator.find(By.id("resourcesForm:resources")));
    investigator.screenshot(
        java.nio.file.Path.of("target/screenshots/case-page-ministry-answer.png"));
    investigator.script("arguments[0].scrollIntoView()", investigator.find(By.id("history")));
    investigator.screenshot(java.nio.file.Path.of("target/screenshots/case-history.png"));
    String history = investigator.find(By.id("history")).getText();
    for (String handOver :
        new String[] {
          "Submitted for sign-off",
          "Signed off and sent to the ministry",
          "Resource blocked",
          "Decision No. MCI-" + marker + " of " + TODAY,
          "Blocking refused",
          "Block lifted"
        }) {
      assertTrue(history.contains(handOver), handOver + " in " + history);
    }

    // The list finds the case by the notification's outgoing number.
    investigator.find(By.id("navCases")).click();
    WebElement box = investigator.find(By.id("filters:number"));
    box.sendKeys(number);
    WebElement table = investigator.find(By.id("results:cases"));
    investigator.find(By.id("filters:search")).click();
    investigator.waitFor().until(Browser.stale(table));
    assertEquals(
        List.of(caseNumber),
        investigator.all(By.cssSelector("#results\\:cases .dz-case-link")).stream()
            .map(WebElement::getText)
            .toList());
  }
}
