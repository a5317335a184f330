package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CasePage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** An investigator takes a case from registration to a closed, sealed decision in the browser. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class CaseLifecycleBrowserIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  @Test
  public void administrativeReferralFromRouteToSealedCase(Browser b) {
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    register(b, "lottery");

    String caseUrl = b.url();
    CasePage page = new CasePage(b);
    // Missing answers are explained next to the questions; nothing changes.
    page.route(false, "LAW", null);
    assertTrue(page.messages().contains("Name the law article"), page.messages());
    assertEquals("Registered", page.status());

    b.open(caseUrl);
    page = new CasePage(b).route(false, "NONE", null);
    assertEquals("Administrative referral", page.status());
    page.recordReferral("Ministry of Tourism and Sports (gambling)", "07-11/204", TODAY);
    assertTrue(b.find(By.id("referralLetter")).getText().startsWith("07-11/204"));
    page.recordOutcome("Administrative penalty imposed", "");
    assertTrue(page.messages().contains("penalty in MRP"), page.messages());
    page.recordOutcome("Administrative penalty imposed", "100");
    assertTrue(b.find(By.id("referralOutcome")).getText().contains("100"));
    page.close("Penalty paid.");

    assertEquals("Closed", page.status());
    assertTrue(b.find(By.id("sealedNotice")).isDisplayed());
    assertTrue(b.all(By.id("decisionForm")).isEmpty(), "a sealed case offers no changes");
    String history = b.find(By.id("history")).getText();
    for (String step :
        new String[] {
          "Case registered", "Route decided", "Referral sent", "Outcome recorded", "Case closed"
        }) {
      assertTrue(history.contains(step), history);
    }
    assertTrue(
        history.contains(" d ") && history.contains(" min"), "time in each state: " + history);
  }

  @Test
  public void aSecondInvestigatorsChangeIsNotOverwritten(Browser first, Browser second) {
    Portal.signIn(first, "investigator1");
    Portal.chooseLanguage(first, "en");
    register(first, "pyramid");
    String caseUrl = first.url();

    Portal.signIn(second, "investigator2");
    Portal.chooseLanguage(second, "en");
    second.open(caseUrl);
    new CasePage(second).dismiss("Duplicate of an earlier case.");
    assertEquals("Dismissed", new CasePage(second).status());

    // The first investigator still has the old page and decides a route: refused, told why.
    CasePage stale = new CasePage(first).route(true, "NONE", null);
    assertTrue(stale.messages().contains("Someone else changed this case"), stale.messages());
    assertEquals("Dismissed", stale.status());
  }

  @Test
  public void dismissingAndClosingAskFirstAndConfirmAfter(Browser b) {
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    register(b, "news");
    String number = b.find(By.id("registrationNumber")).getText();
    // The registration itself is confirmed on the case page.
    assertTrue(
        new CasePage(b).messages().contains("Case " + number + " registered."),
        new CasePage(b).messages());

    CasePage page = new CasePage(b);
    b.find(By.id("decisionForm:dismissReason")).sendKeys("A news report, not an advertisement.");
    b.find(By.id("decisionForm:dismiss")).click();
    assertTrue(page.confirmation().contains("can then only be closed"), page.confirmation());
    page.cancelConfirmation();
    assertEquals("Registered", page.status());

    b.find(By.id("decisionForm:dismiss")).click();
    page.confirm();
    assertEquals("Dismissed", page.status());
    assertTrue(page.messages().contains("Case " + number + " dismissed."), page.messages());
    assertTrue(b.find(By.id("dismissedAt")).getText().startsWith(TODAY), TODAY);
    assertEquals(
        "A news report, not an advertisement.", b.find(By.id("dismissalReason")).getText());
    String history = b.find(By.id("history")).getText();
    assertTrue(history.contains("Registered → Dismissed"), history);
    assertTrue(history.contains("Nurlan Bekov"), history);
    assertFalse(history.contains("investigator2"), "people by name, not login: " + history);

    b.find(By.id("decisionForm:close")).click();
    assertTrue(page.confirmation().contains("sealed"), page.confirmation());
    page.confirm();
    assertEquals("Closed", page.status());
    assertTrue(page.messages().contains("Case " + number + " closed"), page.messages());
  }

  @Test
  public void aCriminalReferralIsNotOfferedAPenaltyAndReadsInWords(Browser b) {
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    register(b, "pyramid");
    CasePage page = new CasePage(b).route(true, "NONE", null);
    assertEquals("Criminal referral", page.status());
    page.recordReferral("Ministry of Internal Affairs (police)", "12-3/456", TODAY);
    assertTrue(page.messages().contains("Referral of case"), page.messages());
    assertTrue(b.all(By.id("decisionForm:penaltyMrp_input")).isEmpty(), "no penalty field");
    assertFalse(b.find(By.id("decisionForm:outcome")).getText().contains("penalty"));
    page.recordOutcome("Criminal proceedings opened", null);
    assertTrue(b.find(By.id("referralSentBy")).getText().startsWith("Nurlan Bekov"));

    String history = b.find(By.id("history")).getText();
    assertTrue(history.contains("Ministry of Internal Affairs (police)"), history);
    assertTrue(history.contains("Letter No. 12-3/456 of " + TODAY), history);
    assertTrue(history.contains("Criminal proceedings opened"), history);
    assertTrue(history.contains("Registered → Criminal referral"), history);
    for (String code : new String[] {"POLICE", "PROCEEDINGS_OPENED", "CRIMINAL_REFERRAL"}) {
      assertFalse(history.contains(code), code + " in " + history);
    }
    assertFalse(
        history.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no ISO dates in the history: " + history);
  }

  private static void register(Browser b, String what) {
    new NewCasePage(b)
        .url(
            0, "https://" + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example/")
        .category("Illegal gambling")
        .detectedHoursAgo(5)
        .description("Online " + what + " without a licence.")
        .attach("screen.png", TestFiles.png(3))
        .register();
  }
}
