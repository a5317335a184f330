package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Three people, two organisations: the investigator registers and drafts, the supervisor signs off,
 * the ministry officer blocks one resource, refuses another and later lifts the block.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class BlockingFlowBrowserIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  /** The SMTP server the portal's e-mails go to during this test. */
  private static GreenMail smtp;

  @BeforeAll
  static void startSmtp() {
    smtp =
        new GreenMail(
            new ServerSetup(
                Integer.getInteger("test.smtp.port", 3025),
                "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  public void investigatorSupervisorAndOfficerTakeANotificationToTheRegistry(
      Browser investigator, Browser supervisor, Browser officer) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    // Everyone has signed in before, so the portal knows whom to tell.
    Portal.signIn(supervisor, "supervisor1");
    Portal.chooseLanguage(supervisor, "en");
    int unreadBefore = unread(supervisor);
    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://casino-" + marker + ".example/")
        .addResource()
        .url(1, "t.me/casino_" + marker)
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Casino advertised on a website and a Telegram channel.")
        .attach("site.png", TestFiles.png(21))
        .register();
    new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    assertEquals("Blocking", new CasePage(investigator).status());

    // The investigator drafts a notification for both resources with the screenshot.
    new CasePage(investigator).pickAllShown();
    investigator.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    investigator
        .find(By.id("noticeForm:justification"))
        .sendKeys("Unlicensed casino targeting Kazakhstan.");
    // The official letter in Kazakh.
    new org.openqa.selenium.support.ui.Select(investigator.find(By.id("noticeForm:letterLanguage")))
        .selectByValue("kk");
    investigator.idle();
    investigator.find(By.id("noticeForm:submitNotice")).click();
    NoticePage draft = new NoticePage(investigator);
    assertEquals("Awaiting sign-off", draft.status());
    String noticeUrl = investigator.url();
    // Not signed off yet: the ministry cannot open it, even knowing its address.
    officer.open(noticeUrl);
    assertEquals("403", officer.find(By.id("errorCode")).getText());

    // The supervisor is told by e-mail and in the portal, finds it in the queue and signs it off.
    String caseNumber = investigator.find(By.cssSelector("#caseLink")).getText();
    assertTrue(waitForMail("supervisor1@afm.gov.kz", caseNumber), "e-mail to the supervisor");
    supervisor.open("");
    long unread =
        kz.gov.dozor.it.support.ClientDatabase.open()
            .count(
                "select count(*) from portal_notification where recipient = 'supervisor1'"
                    + " and read_at is null");
    assertTrue(unread >= 1, "the hand-over is an unread message");
    assertEquals(String.valueOf(unread), supervisor.find(By.id("unread")).getText());
    supervisor.find(By.id("navNotices")).click();
    // The notification waits in the queue: its case, and the action to review it.
    WebElement waiting =
        supervisor.find(
            By.xpath("//*[@id='awaiting']//tr[.//a[normalize-space()='" + caseNumber + "']]"));
    assertTrue(waiting.getText().contains("Review"), waiting.getText());
    supervisor.open(noticeUrl);
    NoticePage signed = new NoticePage(supervisor).signOff();
    assertEquals("Sent to the ministry", signed.status());
    String number = signed.number();
    assertTrue(number.matches("AFM-N-\\d{4}-\\d{6}"), number);

    // The officer is told, and finds it in the ministry's inbox with its evidence.
    assertTrue(waitForMail("officer1@mci.gov.kz", number), "e-mail to the officer");
    officer.open("");
    officer.find(By.id("navNotices")).click();
    officer.find(By.linkText(number)).click();
    NoticePage decision = new NoticePage(officer);
    String download = officer.find(By.cssSelector("a.dz-download")).getAttribute("href");
    assertEquals(200L, officer.fetch(download).get("status"));
    // The documents of the sign-off: the letter in Kazakh and the signed package.
    java.util.Map<String, Object> letter =
        officer.download(officer.find(By.id("letterLink")).getAttribute("href"));
    assertEquals(200L, letter.get("status"));
    assertEquals("application/pdf", letter.get("type"));
    assertTrue(String.valueOf(letter.get("disposition")).contains(number + ".pdf"));
    try (var pdf =
        org.apache.pdfbox.Loader.loadPDF(
            java.util.Base64.getDecoder().decode((String) letter.get("body")))) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Қазақстан Республикасының Қаржылық мониторинг агенттігі"), text);
      assertTrue(text.contains(number) && text.contains("casino-" + marker), text);
    }
    java.util.Map<String, Object> pack =
        officer.download(officer.find(By.id("packageLink")).getAttribute("href"));
    assertEquals(200L, pack.get("status"));
    assertEquals("application/zip", pack.get("type"));
    java.util.Set<String> entries = new java.util.TreeSet<>();
    try (var zip =
        new java.util.zip.ZipInputStream(
            new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode((String) pack.get("body"))))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
      }
    }
    assertTrue(
        entries.containsAll(
            java.util.List.of(
                "letter.pdf", "evidence/01-site.png", "manifest.json", "manifest.json.p7s")),
        entries.toString());
    assertTrue(
        officer.all(By.id("caseLink")).isEmpty(), "the ministry does not see the agency's case");

    decision.decide(0, "BLOCK", "МКИ-" + marker, TODAY, null);
    decision =
        new NoticePage(officer).decide(1, "REFUSE", null, null, "The channel is already deleted.");
    assertEquals("Decided", decision.status());
    assertTrue(
        decision.itemText(0).contains("Block") && decision.itemText(0).contains("МКИ-" + marker),
        decision.itemText(0));
    assertTrue(decision.itemText(1).contains("already deleted"), decision.itemText(1));
    assertTrue(waitForMail("investigator1@afm.gov.kz", number), "e-mail to the investigator");

    // Both organisations find the block in the registry.
    investigator.find(By.id("navRegistry")).click();
    investigator.find(By.id("filters:url")).sendKeys(marker);
    WebElement table = investigator.find(By.id("results:entries"));
    investigator.find(By.id("filters:search")).click();
    investigator.waitFor().until(Browser.stale(table));
    String registry = investigator.find(By.id("results:entries")).getText();
    assertTrue(
        registry.contains("casino-" + marker)
            && registry.contains("МКИ-" + marker)
            && registry.contains(number),
        registry);

    // Later the owner removes the content: the officer lifts the block.
    officer.open(noticeUrl);
    new NoticePage(officer).lift(0, "Content removed by the owner.");
    assertTrue(new NoticePage(officer).itemText(0).contains("Block lifted"));
    officer.find(By.id("navRegistry")).click();
    new org.openqa.selenium.support.ui.Select(officer.find(By.id("filters:state")))
        .selectByValue("lifted");
    officer.find(By.id("filters:url")).sendKeys(marker);
    WebElement before = officer.find(By.id("results:entries"));
    officer.find(By.id("filters:search")).click();
    officer.waitFor().until(Browser.stale(before));
    String lifted = officer.find(By.id("results:entries")).getText();
    assertTrue(
        lifted.contains("Lifted") && lifted.contains("Content removed by the owner."), lifted);

    // The case can now close: every resource has its final outcome.
    investigator.open(noticeUrl);
    investigator.find(By.id("caseLink")).click();
    // The case shows the restriction and its lifting.
    assertTrue(
        investigator
            .find(By.id("resourcesForm:resources"))
            .getText()
            .contains("Content removed by the owner."));
    CasePage closed = new CasePage(investigator).close("Blocked and refused.");
    assertEquals("Closed", closed.status());
  }

  /** Waits up to a minute for an e-mail to {@code to} whose text mentions {@code text}. */
  private static boolean waitForMail(String to, String text) {
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      for (MimeMessage m : smtp.getReceivedMessages()) {
        try {
          if (m.getAllRecipients()[0].toString().equals(to)
              && (m.getSubject() + GreenMailUtil.getBody(m)).contains(text)) {
            return true;
          }
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The unread count in the header; no badge means none. */
  private static int unread(Browser b) {
    b.find(By.id("signOut"));
    List<WebElement> badge = b.all(By.id("unread"));
    return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().trim());
  }
}
