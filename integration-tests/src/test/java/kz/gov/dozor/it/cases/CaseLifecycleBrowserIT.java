package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
