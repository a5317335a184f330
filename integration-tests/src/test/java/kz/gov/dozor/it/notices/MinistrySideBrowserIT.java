package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.ArchivePage;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A notification returned inside the agency, then sent: the supervisor's queue, confirmations that
 * say what will happen, success messages, what the ministry sees of it, the decision form, the
 * ministry's archive, and who lifted the block.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class MinistrySideBrowserIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  @Test
  public void theMinistrySeesOnlyWhatWasSentDecidesWithConfirmationAndFindsItInItsArchive(
      Browser investigator, Browser supervisor, Browser officer) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String url = "https://lotto-" + marker + ".example/";
    Portal.signIn(supervisor, "supervisor1");
    Portal.chooseLanguage(supervisor, "en");
    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, url)
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("An unlicensed lottery.")
        .attach("lotto.png", TestFiles.png(31))
        .register();
    String caseNumber = investigator.find(By.id("registrationNumber")).getText();
    new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    new CasePage(investigator).pickAllShown();
    investigator.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    investigator.find(By.id("noticeForm:justification")).sendKeys("Unlicensed lottery.");
    investigator.idle();
    investigator.find(By.id("noticeForm:submitNotice")).click();
    NoticePage draft = new NoticePage(investigator);
    assertTrue(draft.messages().contains("submitted for sign-off"), draft.messages());
    String noticeUrl = investigator.url();

    // The supervisor's queue: the case is a link, the drafter has a name, the action reads Review.
    supervisor.open("");
    supervisor.find(By.id("navNotices")).click();
    WebElement row =
        supervisor.find(
            By.xpath("//*[@id='awaiting']//tr[.//a[normalize-space()='" + caseNumber + "']]"));
    WebElement caseLink = row.findElement(By.linkText(caseNumber));
    assertTrue(
        caseLink.getAttribute("href").contains("/cases/view"), caseLink.getAttribute("href"));
    assertTrue(row.getText().contains("Aidana Seitkali"), row.getText());
    assertFalse(row.getText().contains("investigator1"), row.getText());
    assertFalse(row.getText().contains("Draft"), row.getText());
    row.findElement(By.linkText("Review")).click();

    // Returned inside the agency with a comment, corrected, submitted again.
    String internal = "Internal-" + marker + ": cite the court decision.";
    NoticePage returned = new NoticePage(supervisor).sendBack(internal);
    assertEquals("Returned by the supervisor", returned.status());
    assertTrue(returned.messages().contains("Returned to the investigator"), returned.messages());
    investigator.open(noticeUrl);
    NoticePage corrected = new NoticePage(investigator).resubmit("Corrected-" + marker);
    assertTrue(corrected.messages().contains("submitted again"), corrected.messages());

    // Signing off asks first, saying what will happen; saying no changes nothing.
    supervisor.open(noticeUrl);
    NoticePage review = new NoticePage(supervisor);
    String question = review.cancel("noticeActions:signOff");
    assertTrue(
        question.contains(caseNumber) && question.contains("Ministry of Culture and Information"),
        question);
    supervisor.open(noticeUrl);
    assertEquals("Awaiting sign-off", new NoticePage(supervisor).status());
    supervisor.find(By.id("noticeActions:comment")).sendKeys("Checked-" + marker);
    NoticePage signed = new NoticePage(supervisor).signOff();
    String number = signed.number();
    assertTrue(number.matches("AFM-N-\\d{4}-\\d{6}"), number);
    assertTrue(
        signed.messages().contains("Signed off and sent to the ministry as " + number),
        signed.messages());

    // The agency still sees its internal review.
    investigator.open(noticeUrl);
    String agencyHistory = investigator.find(By.id("history")).getText();
    assertTrue(agencyHistory.contains(internal), agencyHistory);
    assertTrue(agencyHistory.contains("Returned by the supervisor"), agencyHistory);

    // The ministry sees the notification from its sending onward, nothing internal.
    officer.open(noticeUrl);
    NoticePage decision = new NoticePage(officer);
    String page = officer.pageText();
    assertFalse(page.contains("Internal-" + marker), page);
    assertFalse(page.contains("Checked-" + marker), page);
    assertTrue(page.contains("Corrected-" + marker), page);
    assertTrue(officer.all(By.id("draftedBy")).isEmpty(), "no drafting details for the ministry");
    String ministryHistory = officer.find(By.id("history")).getText();
    assertFalse(ministryHistory.contains("Returned by the supervisor"), ministryHistory);
    assertFalse(ministryHistory.contains("Submitted for sign-off"), ministryHistory);
    assertTrue(ministryHistory.contains("Signed off and sent to the ministry"), ministryHistory);
    assertTrue(officer.find(By.id("review")).getText().contains("Marat Zhaksylykov"));

    // The evidence comes before the decision forms.
    int evidenceTop = officer.find(By.id("evidencePanel")).getLocation().getY();
    int formTop = officer.find(By.id("noticeActions:items:0:decision")).getLocation().getY();
    assertTrue(evidenceTop < formTop, evidenceTop + " vs " + formTop);

    // The decision form shows only the chosen decision's fields, each marked as required.
    assertTrue(officer.all(By.id("noticeActions:items:0:decisionNumber")).isEmpty());
    assertTrue(officer.all(By.id("noticeActions:items:0:text")).isEmpty());
    decision.choose(0, "REFUSE");
    assertEquals(List.of("Reason for the refusal*"), compact(decision.fieldLabels(0)));
    assertEquals(1, decision.requiredMarkers(0));
    decision.choose(0, "RETURN");
    assertEquals(List.of("Question to the agency*"), compact(decision.fieldLabels(0)));
    decision.choose(0, "BLOCK");
    assertEquals(
        List.of("Decision number*", "Decision date*", "Issued by"),
        compact(decision.fieldLabels(0)));
    assertEquals(2, decision.requiredMarkers(0));
    assertTrue(officer.all(By.id("noticeActions:items:0:text")).isEmpty());

    decision = decision.decide(0, "BLOCK", "МКИ-" + marker, TODAY, null);
    assertTrue(
        decision.confirmation().contains(url) && decision.confirmation().contains("registry"),
        decision.confirmation());
    assertEquals("Decided", decision.status());
    assertTrue(
        decision.messages().contains("Decision recorded: Block — " + url), decision.messages());

    // Decided, it leaves the inbox but stays in the ministry's archive.
    officer.find(By.id("navNotices")).click();
    officer.find(By.id("inbox"));
    assertTrue(officer.all(By.linkText(number)).isEmpty(), "no longer in the inbox");
    ArchivePage archive = new ArchivePage(officer).url(marker).search();
    assertEquals(List.of(number), archive.numbers());
    assertTrue(archive.text().contains("Decided"), archive.text());
    assertEquals(List.of(), archive.status("SENT").search().numbers());
    assertEquals(List.of(number), archive.status("DECIDED").number(number).search().numbers());

    // Lifting asks first; then the page and the registry say who lifted it, when and why.
    // From the registry, the officer goes to lift the block on the notification.
    officer.find(By.id("navRegistry")).click();
    WebElement entries = officer.find(By.id("results:entries"));
    officer.find(By.id("filters:url")).sendKeys(marker);
    officer.find(By.id("filters:search")).click();
    officer.waitFor().until(Browser.stale(entries));
    // The registry says who entered the block; it is found by its decision number too, and the
    // filtered list exports to CSV and XLSX with the same entry.
    assertTrue(officer.url().contains("url=" + marker), officer.url());
    String found = officer.find(By.id("results:entries")).getText();
    assertTrue(found.contains("Entered by: Dana Omarova"), found);
    officer.open(
        "registry/list.xhtml?state=all&decision="
            + java.net.URLEncoder.encode("МКИ-" + marker, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("1 entries match.", officer.find(By.id("count")).getText());
    assertTrue(officer.find(By.id("results:entries")).getText().contains(url));
    Map<String, Object> csv =
        officer.download(officer.find(By.id("results:exportCsv")).getAttribute("href"));
    assertEquals(200L, csv.get("status"), String.valueOf(csv));
    assertTrue(String.valueOf(csv.get("disposition")).startsWith("attachment"), csv.toString());
    String csvText =
        new String(
            java.util.Base64.getDecoder().decode((String) csv.get("body")),
            java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = csvText.lines().toList();
    assertEquals(2, lines.size(), csvText);
    assertTrue(
        lines.get(1).contains(url)
            && lines.get(1).contains("МКИ-" + marker)
            && lines.get(1).contains("Dana Omarova"),
        csvText);
    Map<String, Object> xlsx =
        officer.download(officer.find(By.id("results:exportXlsx")).getAttribute("href"));
    assertEquals(200L, xlsx.get("status"), String.valueOf(xlsx.get("error")));
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode((String) xlsx.get("body"))))) {
      var sheet = book.getSheetAt(0);
      assertEquals(1, sheet.getLastRowNum());
      assertEquals("URL", sheet.getRow(0).getCell(1).getStringCellValue());
      assertEquals(url, sheet.getRow(1).getCell(1).getStringCellValue());
      assertEquals("МКИ-" + marker, sheet.getRow(1).getCell(4).getStringCellValue());
    }
    // A mistyped decision number is corrected from the registry, with a reason.
    officer.find(By.cssSelector("#results\\:entries .dz-correct-link")).click();
    WebElement decisionNumber = officer.find(By.id("correctForm:decisionNumber"));
    officer.waitFor().until(d -> decisionNumber.isDisplayed());
    assertEquals("МКИ-" + marker, decisionNumber.getAttribute("value"));
    decisionNumber.clear();
    decisionNumber.sendKeys("МКИ-" + marker + "-1");
    officer.find(By.id("correctForm:reason")).sendKeys("Typo in the number.");
    WebElement table = officer.find(By.id("results:entries"));
    officer.find(By.id("correctForm:save")).click();
    officer.waitFor().until(Browser.stale(table));
    assertTrue(
        officer.find(By.id("messages")).getText().contains("was corrected"),
        officer.find(By.id("messages")).getText());
    assertTrue(
        officer.find(By.id("results:entries")).getText().contains("МКИ-" + marker + "-1"),
        officer.find(By.id("results:entries")).getText());
    officer.find(By.cssSelector("#results\\:entries .dz-lift-link")).click();
    NoticePage lifted = new NoticePage(officer).lift(0, "Removed-" + marker);
    assertTrue(
        lifted.confirmation().contains(url) && lifted.confirmation().contains("restore access"),
        lifted.confirmation());
    assertTrue(
        lifted.messages().contains("The block on " + url + " was lifted"), lifted.messages());
    String item = lifted.itemText(0);
    assertTrue(
        item.contains("Block lifted")
            && item.contains("Dana Omarova")
            && item.contains("Removed-" + marker),
        item);
    investigator.find(By.id("navRegistry")).click();
    new Select(investigator.find(By.id("filters:state"))).selectByValue("lifted");
    investigator.find(By.id("filters:url")).sendKeys(marker);
    WebElement before = investigator.find(By.id("results:entries"));
    investigator.find(By.id("filters:search")).click();
    investigator.waitFor().until(Browser.stale(before));
    String registry = investigator.find(By.id("results:entries")).getText();
    assertTrue(
        registry.contains("Dana Omarova") && registry.contains("Removed-" + marker), registry);
  }

  /** Labels without the line breaks and spaces around the required marker. */
  private static List<String> compact(List<String> labels) {
    return labels.stream().map(l -> l.replaceAll("\\s*\\*\\s*$", "*").strip()).toList();
  }
}
