package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CasePage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.Portal.NoticePage;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Many URLs at once, end to end: the investigator pastes 300 URLs (with a bad line and a repeat)
 * into the new-case form and notifies them all; the officer blocks all 300 with one decision.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class BulkDecisionBrowserIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  @Test
  public void anOfficerBlocksThreeHundredResourcesOfOneNotificationAtOnce(
      Browser investigator, Browser supervisor, Browser officer) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add("https://bulk" + i + "-" + marker + ".example/casino");
    }
    lines.add(150, "not a url " + marker);
    lines.add("https://BULK0-" + marker + ".example/casino");
    signIn(investigator, supervisor, officer);

    // The pasted list: 300 kept, the bad line stays to be corrected, the repeat is dropped.
    NewCasePage form = new NewCasePage(investigator).paste(lines);
    assertTrue(form.pastedCount().startsWith("300 pasted URLs"), form.pastedCount());
    List<String> problems = form.pasteProblems();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("line 151") && problems.get(0).contains("not a url " + marker),
        problems.get(0));
    assertTrue(
        problems.get(1).contains("line 302") && problems.get(1).contains("already in the list"),
        problems.get(1));
    assertEquals("not a url " + marker, form.pastedText());
    form.category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Three hundred mirrors of one casino.")
        .attach("mirrors.png", TestFiles.png(300))
        .register();
    String caseNumber = investigator.find(By.id("registrationNumber")).getText();
    TestData db = ClientDatabase.open();
    assertEquals(
        300L,
        db.count(
            "select count(*) from case_resource r join violation_case c on c.id = r.case_id"
                + " where c.registration_number = ?",
            caseNumber));

    // All of them in one notification, without ticking 300 boxes.
    String notice = notifyAllAndSignOff(investigator, supervisor);

    // The officer sees them a page at a time, filters, and blocks all that match at once.
    officer.open(notice);
    NoticePage page = new NoticePage(officer);
    assertEquals(20, page.itemRows());
    assertTrue(
        officer.find(By.id("noticeActions:resourceCount")).getText().contains("300 in all"),
        officer.find(By.id("noticeActions:resourceCount")).getText());
    page.filterItems(marker, "PENDING");
    NoticePage decided = page.decideAllMatching("BLOCK", "MCI-" + marker, TODAY, null);
    assertTrue(
        decided.confirmation().contains("Block 300 resources under decision MCI-" + marker),
        decided.confirmation());
    assertEquals("Decided", decided.status());
    assertTrue(
        decided.messages().contains("Decision recorded: Block — 300 resources"),
        decided.messages());
    assertTrue(officer.find(By.id("history")).getText().contains("Resources blocked at once"));

    // The registry has every one of them.
    assertEquals(
        300L,
        db.count(
            "select count(*) from registry_entry where active and decision_number = ?",
            "MCI-" + marker));
    officer.find(By.id("navRegistry")).click();
    WebElement url = officer.find(By.id("filters:url"));
    url.sendKeys(marker);
    WebElement table = officer.find(By.id("results:entries"));
    officer.find(By.id("filters:search")).click();
    officer.waitFor().until(Browser.stale(table));
    String registry = officer.find(By.id("results:entries")).getText();
    assertTrue(registry.contains("bulk") && registry.contains(marker), registry);
    assertTrue(registry.contains("MCI-" + marker), registry);
  }

  @Test
  public void anOfficerBlocksSomeRowsPickedOnTwoPagesAndTheOthersStayUndecided(
      Browser investigator, Browser supervisor, Browser officer) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.add("https://pick" + i + "-" + marker + ".example/casino");
    }
    signIn(investigator, supervisor, officer);
    new NewCasePage(investigator)
        .paste(lines)
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Mirrors of one casino, some to block now.")
        .attach("mirrors.png", TestFiles.png(25))
        .register();
    String notice = notifyAllAndSignOff(investigator, supervisor);

    // Two rows of the first page and one of the second: the picks survive the paging.
    officer.open(notice);
    NoticePage page = new NoticePage(officer);
    List<String> picked = new ArrayList<>();
    for (int row : new int[] {1, 4}) {
      page.pick(row);
      picked.add(itemUrl(officer, row));
    }
    page.nextPage();
    page.pick(22);
    picked.add(itemUrl(officer, 22));
    assertTrue(page.covered().contains("3"), page.covered());
    NoticePage decided = page.decidePicked("BLOCK", "MCI-P-" + marker, TODAY, null);
    assertTrue(
        decided.confirmation().contains("Block 3 resources under decision MCI-P-" + marker),
        decided.confirmation());
    assertTrue(
        decided.messages().contains("Decision recorded: Block — 3 resources"), decided.messages());

    // Exactly the three picked are blocked; the other 22 wait, and so does the notification.
    TestData db = ClientDatabase.open();
    List<String> blocked =
        db
            .rows(
                "select r.url_original from block_notice_resource nr join case_resource r"
                    + " on r.id = nr.resource_id where nr.decision = 'BLOCK'"
                    + " and nr.decision_number = ? order by 1",
                "MCI-P-" + marker)
            .stream()
            .map(r -> (String) r.get(0))
            .toList();
    assertEquals(picked.stream().sorted().toList(), blocked);
    assertEquals(
        22L,
        db.count(
            "select count(*) from block_notice_resource nr join case_resource r on r.id ="
                + " nr.resource_id where nr.decision is null and r.url_original like ?",
            "%-" + marker + ".example/%"));
    assertEquals("Sent to the ministry", decided.status());
  }

  /** The three people of the procedure, each in their browser, in English. */
  private static void signIn(Browser investigator, Browser supervisor, Browser officer) {
    Portal.signIn(supervisor, "supervisor1");
    Portal.chooseLanguage(supervisor, "en");
    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
  }

  /**
   * On the case page open in {@code investigator}: routes to blocking, drafts a notification of all
   * the case's free resources and has {@code supervisor} sign it off; returns its address.
   */
  private static String notifyAllAndSignOff(Browser investigator, Browser supervisor) {
    new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    investigator.find(By.id("noticeForm:allFree")).click();
    investigator.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    investigator.find(By.id("noticeForm:justification")).sendKeys("Mirrors of one casino.");
    investigator.idle();
    investigator.find(By.id("noticeForm:submitNotice")).click();
    new NoticePage(investigator);
    String noticeUrl = investigator.url();
    String path = noticeUrl.substring(noticeUrl.indexOf("/notices/"));
    supervisor.open(path);
    new NoticePage(supervisor).signOff();
    return path;
  }

  private static String itemUrl(Browser b, int row) {
    return b.find(By.cssSelector("[id='item-" + row + "'] .dz-item-url")).getText();
  }
}
