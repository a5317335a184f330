package kz.gov.dozor.it.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrators' deadlines page, reached from the reference data: rules in the order of the
 * procedure, errors beside the rule they concern, each organisation editing its own steps and
 * seeing the other's changes with old and new values, holidays of any year, and a question before a
 * holiday is removed.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class DeadlinesBrowserIT {

  private final TestData db = ClientDatabase.open();

  @Test
  void rulesInProcedureOrderWithErrorsBesideTheRule(Browser b) {
    Portal.signIn(b, "admin.afm");
    Portal.chooseLanguage(b, "en");
    openDeadlines(b);

    assertEquals(
        List.of(
            "Sign-off by a supervisor",
            "Decision of the ministry",
            "Answer of the agency",
            "A provider applies an urgent registry change",
            "A provider applies any other registry change"),
        b.all(By.cssSelector("#rules\\:table .dz-rule-name")).stream()
            .map(WebElement::getText)
            .toList());
    // The ministry's step is shown to the agency, not editable by it.
    assertTrue(b.present(By.id("rules:table:0:days")));
    assertFalse(b.present(By.id("rules:table:1:days")));
    assertFalse(b.present(By.id("rules:table:1:save")));
    assertTrue(b.present(By.id("rules:table:2:days")));

    save(b, 0, "0");
    assertEquals(
        "Sign-off by a supervisor: Between 1 and 60 days.",
        b.find(By.id("rules:table:0:daysMessage")).getText());
    assertEquals("", topMessages(b));

    b.open("reference/deadlines.xhtml");
    save(b, 2, "two");
    assertEquals(
        "Answer of the agency: Enter a whole number of days.",
        b.find(By.id("rules:table:2:daysMessage")).getText());
    assertEquals("", b.driver().findElement(By.id("rules:table:0:daysMessage")).getText());
    assertEquals("", topMessages(b));
  }

  @Test
  void aDeadlineChangedByTheMinistryIsSeenByTheAgency(Browser ministry, Browser agency)
      throws Exception {
    List<Object> rule =
        db.rows("select days from deadline_rule where step = 'MINISTRY_DECISION'").get(0);
    int days = ((Number) rule.get(0)).intValue();
    int changed = days == 9 ? 10 : 9;
    Portal.signIn(ministry, "admin.mci");
    Portal.chooseLanguage(ministry, "en");
    openDeadlines(ministry);
    assertFalse(ministry.present(By.id("rules:table:0:days")), "sign-off is the agency's");
    try {
      save(ministry, 1, String.valueOf(changed));
      assertEquals(
          changed,
          ((Number) db.single("select days from deadline_rule where step = 'MINISTRY_DECISION'"))
              .intValue());

      Portal.signIn(agency, "admin.afm");
      Portal.chooseLanguage(agency, "en");
      openDeadlines(agency);
      // The newest change of the ministry's step, with its old and new number of days.
      String first =
          agency.all(By.cssSelector("#changeList tbody tr")).stream()
              .map(WebElement::getText)
              .filter(t -> t.contains("Decision of the ministry"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(agency.find(By.id("changeList")).getText()));
      assertTrue(first.contains("Days: " + days + " → " + changed), first);
      assertTrue(first.contains("Ministry of Culture and Information"), first);
      assertTrue(first.contains("Changed"), first);
      // Providers' deadlines are the ministry's, in hours, around the clock.
      ministry.open("reference/deadlines.xhtml");
      assertTrue(
          ministry.find(By.id("rules:table:3:hoursUnit")).getText().contains("hours"),
          ministry.find(By.id("rules:table")).getText());
      assertFalse(ministry.present(By.id("rules:table:3:working")));
      save(ministry, 3, "200");
      assertEquals(
          "A provider applies an urgent registry change: From 1 to 168 hours.",
          ministry.find(By.id("rules:table:3:daysMessage")).getText());
      assertEquals(
          1,
          ((Number) db.single("select days from deadline_rule where step = 'PROVIDER_URGENT'"))
              .intValue());
    } finally {
      ministry.open("reference/deadlines.xhtml");
      save(ministry, 1, String.valueOf(days));
    }
    assertEquals(
        days,
        ((Number) db.single("select days from deadline_rule where step = 'MINISTRY_DECISION'"))
            .intValue());
  }

  @Test
  void holidaysOfAnyYearAndRemovingOneAsksFirst(Browser b) {
    Portal.signIn(b, "admin.afm");
    Portal.chooseLanguage(b, "en");
    openDeadlines(b);
    int year = LocalDate.now(ZoneId.of("Asia/Almaty")).getYear();
    assertEquals("Holidays of " + year, b.find(By.id("holidaysTitle")).getText());
    // The page's old address (bookmarks, the home page's link) leads here.
    b.open("admin/deadlines.xhtml");
    b.find(By.id("rules:table"));
    assertTrue(b.url().contains("/reference/deadlines.xhtml"), b.url());

    click(b, "holidays:nextYear");
    assertEquals("Holidays of " + (year + 1), b.find(By.id("holidaysTitle")).getText());
    click(b, "holidays:nextYear");
    assertEquals("Holidays of " + (year + 2), b.find(By.id("holidaysTitle")).getText());
    click(b, "holidays:previousYear");
    click(b, "holidays:previousYear");
    click(b, "holidays:previousYear");
    assertEquals("Holidays of " + (year - 1), b.find(By.id("holidaysTitle")).getText());

    String name = "Test day " + UUID.randomUUID().toString().substring(0, 8);
    b.find(By.id("holidays:holidayDay_input")).sendKeys("15.07." + (year + 1));
    b.find(By.id("holidays:holidayName")).sendKeys(name);
    click(b, "holidays:add");
    assertEquals("Holidays of " + (year + 1), b.find(By.id("holidaysTitle")).getText());
    assertTrue(b.find(By.id("holidays:list")).getText().contains(name));

    // Removing asks first; keeping it changes nothing.
    removeButton(b, name).click();
    WebElement dialog = b.find(By.id("holidays:confirm"));
    assertTrue(dialog.getText().contains(name), dialog.getText());
    assertTrue(dialog.getText().contains("15.07." + (year + 1)), dialog.getText());
    b.clickUntilGone(By.id("holidays:confirmNo"), By.id("holidays:confirm"));
    b.open("reference/deadlines.xhtml?year=" + (year + 1));
    assertTrue(b.find(By.id("holidays:list")).getText().contains(name));

    removeButton(b, name).click();
    b.find(By.id("holidays:confirm"));
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("holidays:confirmYes")))
        .click();
    b.waitFor().until(Browser.stale(page));
    assertEquals("Holidays of " + (year + 1), b.find(By.id("holidaysTitle")).getText());
    assertFalse(b.find(By.id("holidays:list")).getText().contains(name));
  }

  private static WebElement removeButton(Browser b, String name) {
    return b.find(
        By.xpath(
            "//*[@id='holidays:list']//tr[td[contains(., '"
                + name
                + "')]]//button[contains(@id, ':remove')]"));
  }

  private static void save(Browser b, int row, String days) {
    WebElement input = b.find(By.id("rules:table:" + row + ":days"));
    input.clear();
    input.sendKeys(days);
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("rules:table:" + row + ":save")).click();
    b.waitFor().until(Browser.stale(page));
    b.find(By.id("signOut"));
  }

  private static void click(Browser b, String id) {
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id(id)).click();
    b.waitFor().until(Browser.stale(page));
    b.find(By.id("signOut"));
  }

  private static String topMessages(Browser b) {
    return b.all(By.id("messages")).stream().map(WebElement::getText).reduce("", String::concat);
  }

  /** From the header's reference data to the deadlines page, as an administrator goes there. */
  static void openDeadlines(Browser b) {
    click(b, "navReference");
    click(b, "deadlines");
    b.find(By.id("rules:table"));
  }
}
