package kz.gov.dozor.it.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Administrators keep the reference data on pages of their own, through the real sign-in: a
 * category added, renamed and retired is no longer offered for new cases while an old case still
 * shows it; each change is in the history with its old and new values and in the audit log; a legal
 * basis picked when routing a case appears on the case and on its notification; the ministry's
 * administrators read the agency's lists without changing them; and two administrators editing one
 * entry are told, not overwritten.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class ReferenceDataBrowserIT {

  private final TestData db = ClientDatabase.open();

  @Test
  void aRetiredCategoryIsNotOfferedButAnOldCaseStillShowsIt(Browser admin, Browser investigator)
      throws Exception {
    String code = TestData.uniqueCode("LOTTERY");
    String name = "Street lottery " + code.substring(code.length() - 8);
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    EntryPage categories = EntryPage.open(admin, "categories");

    // Nothing filled in: each field says what it needs, beside it.
    categories.save();
    assertEquals("This field is required.", categories.messageFor("entry:code"));
    assertEquals("This field is required.", categories.messageFor("entry:nameKk"));
    assertEquals("This field is required.", categories.messageFor("entry:nameRu"));
    assertEquals("This field is required.", categories.messageFor("entry:nameEn"));
    assertEquals("Enter a whole number from 0 to 9,999.", categories.messageFor("entry:position"));
    categories
        .type("entry:code", "street lottery")
        .type("entry:nameKk", "Көше лотереясы")
        .type("entry:nameRu", "Уличная лотерея")
        .type("entry:nameEn", "Lottery " + code)
        .type("entry:position", "x")
        .save();
    assertEquals("Enter a whole number.", categories.messageFor("entry:position"));
    categories.type("entry:position", "950").save();
    assertTrue(
        categories.messageFor("entry:code").startsWith("Use capital Latin letters"),
        categories.messageFor("entry:code"));

    categories.type("entry:code", code).save();
    assertEquals("Category “Lottery " + code + "” added.", categories.messages());
    assertEquals("Changes of this entry", admin.find(By.id("historyTitle")).getText());
    assertEquals(
        "Added", categories.historyRow(0).findElement(By.cssSelector(".dz-change-kind")).getText());

    // Renamed: the history shows the old and the new name.
    categories.type("entry:nameEn", name).save();
    assertEquals("Category “" + name + "” saved.", categories.messages());
    String renamed = categories.historyRow(0).getText();
    assertTrue(renamed.contains("Changed"), renamed);
    assertTrue(renamed.contains("Name in English: Lottery " + code + " → " + name), renamed);
    assertTrue(renamed.contains("Saule Akhmetova"), renamed);

    // An investigator files a case under it.
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://" + code.toLowerCase().replace('_', '-') + ".example/")
        .category(name)
        .detectedHoursAgo(2)
        .description("A lottery without a licence.")
        .attach("lottery.png", TestFiles.png(41))
        .register();
    String oldCase = investigator.url();
    assertEquals(name, investigator.find(By.id("category")).getText());

    // Retiring asks first, then the list marks it.
    categories = EntryPage.open(admin, "categories");
    WebElement row = categories.row(code);
    row.findElement(By.cssSelector("button[id$=':retire']")).click();
    String question = categories.confirmation();
    assertTrue(question.contains("Retire the category “" + name + "”?"), question);
    assertTrue(question.contains("cases filed under it keep it"), question);
    categories.confirm();
    assertEquals(
        "Category “" + name + "” retired: it is no longer offered for new cases.",
        categories.messages());
    assertEquals(
        "Retired", categories.row(code).findElement(By.cssSelector(".dz-entry-state")).getText());

    // Not offered for a new case; the old case still shows it.
    new NewCasePage(investigator);
    List<String> offered =
        investigator.all(By.cssSelector("#caseForm\\:category_input option")).stream()
            .map(o -> o.getAttribute("textContent"))
            .toList();
    assertTrue(offered.contains("Illegal gambling"), offered.toString());
    assertFalse(offered.contains(name), offered.toString());
    investigator.open(oldCase.substring(oldCase.indexOf("cases/")));
    assertEquals(name, investigator.find(By.id("category")).getText());

    // Every change is in the agency's audit log, with what changed.
    List<List<Object>> audit =
        db.rows(
            "select action, organisation, detail from audit_entry where subject_type = 'category'"
                + " and subject_id = ? order by seq",
            code);
    assertEquals(3, audit.size(), audit.toString());
    assertEquals(List.of("REFERENCE_DATA_CHANGED", "afm"), audit.get(1).subList(0, 2));
    assertEquals(
        "changed: nameEn \"Lottery " + code + "\" -> \"" + name + "\"", audit.get(1).get(2));
    assertEquals("retired: active \"true\" -> \"false\"", audit.get(2).get(2));
  }

  @Test
  void aLegalBasisPickedWhenRoutingIsOnTheCaseAndTheNotification(Browser b) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String law = "Law on Lotteries " + marker;
    db.legalBasis(law, "art. 77");
    String label = law + ", art. 77 — Title art. 77";

    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    new NewCasePage(b)
        .url(0, "https://lottery-" + marker + ".example/")
        .category("Illegal gambling")
        .detectedHoursAgo(3)
        .description("Lottery tickets sold online.")
        .attach("tickets.png", TestFiles.png(42))
        .register();
    b.find(By.id("decisionForm:crimeSigns:1")).click();
    b.find(By.id("decisionForm:prohibitedBy:1")).click();
    // Picking the basis fills in its citation, which stays editable.
    WebElement text = b.find(By.id("decisionForm:legalReference"));
    new Select(b.find(By.id("decisionForm:legalBasisPick"))).selectByVisibleText(label);
    b.waitFor().until(Browser.stale(text));
    b.idle();
    assertEquals(label, b.find(By.id("decisionForm:legalReference")).getAttribute("value"));
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("decisionForm:route")).click();
    b.waitFor().until(Browser.stale(page));
    CasePage routed = new CasePage(b);
    assertEquals("Blocking", routed.status());
    assertEquals(label, b.find(By.id("legalReference")).getText());
    String picked = b.find(By.id("pickedBasis")).getText();
    assertTrue(picked.startsWith(law + ", art. 77 — Title art. 77"), picked);

    // The draft offers the same basis; the investigator adds the paragraph.
    assertEquals(
        label,
        new Select(b.find(By.id("noticeForm:legalBasisPick"))).getFirstSelectedOption().getText());
    WebElement basis = b.find(By.id("noticeForm:legalBasis"));
    assertEquals(label, basis.getAttribute("value"));
    basis.sendKeys(", para. 3");
    new CasePage(b).pick(0);
    b.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    b.find(By.id("noticeForm:justification")).sendKeys("Lottery without a licence.");
    b.idle();
    b.find(By.id("noticeForm:submitNotice")).click();
    new NoticePage(b);
    assertEquals(label + ", para. 3", b.find(By.id("legalBasis")).getText());
    picked = b.find(By.id("pickedBasis")).getText();
    assertTrue(picked.startsWith(law + ", art. 77 — Title art. 77"), picked);
    assertEquals(
        1,
        db.count(
            "select count(*) from block_notice n join legal_basis b on b.id = n.legal_basis_id"
                + " where b.law = ?",
            law));
  }

  @Test
  void theMinistrysAdministratorReadsTheAgencysListsWithoutChangingThem(Browser b) {
    Portal.signIn(b, "admin.mci");
    for (String[] lang :
        new String[][] {
          {"kk", "Анықтамалықтар"}, {"ru", "Справочники"}, {"en", "Reference data"}
        }) {
      Portal.chooseLanguage(b, lang[0]);
      assertEquals(lang[1], b.find(By.id("navReference")).getText());
    }
    EntryPage categories = EntryPage.open(b, "categories");
    assertTrue(b.find(By.id("readOnly")).isDisplayed());
    assertFalse(b.present(By.id("entry")), "no form to add or change");
    assertTrue(b.all(By.cssSelector("button[id$=':retire'], button[id$=':reinstate']")).isEmpty());
    // Each entry's history is there to read.
    WebElement page = b.driver().findElement(By.tagName("html"));
    categories.row("ILLEGAL_GAMBLING").findElement(By.linkText("History")).click();
    b.waitFor().until(Browser.stale(page));
    assertEquals("Changes of this entry", b.find(By.id("historyTitle")).getText());
    EntryPage.open(b, "legalBases");
    assertFalse(b.present(By.id("entry")));
    EntryPage.open(b, "bodies");
    assertFalse(b.present(By.id("entry")));
    assertTrue(b.find(By.id("list:table")).getText().contains("Ministry of Internal Affairs"));
  }

  @Test
  void aSecondAdministratorsEditIsReportedNotOverwritten(Browser b) throws Exception {
    String code = TestData.uniqueCode("TWICE");
    db.update(
        "insert into category (code, name_kk, name_ru, name_en, position, active)"
            + " values (?, 'Екі рет', 'Дважды', ?, 990, false)",
        code,
        "Twice " + code);
    Portal.signIn(b, "admin.afm");
    Portal.chooseLanguage(b, "en");
    String first = b.driver().getWindowHandle();
    b.open("reference/categories.xhtml?edit=" + code);
    EntryPage one = new EntryPage(b);
    b.driver().switchTo().newWindow(WindowType.TAB);
    String second = b.driver().getWindowHandle();
    b.open("reference/categories.xhtml?edit=" + code);
    EntryPage two = new EntryPage(b);

    b.driver().switchTo().window(first);
    one.type("entry:nameEn", "First " + code).save();
    assertEquals("Category “First " + code + "” saved.", one.messages());

    b.driver().switchTo().window(second);
    two.type("entry:nameEn", "Second " + code).save();
    assertTrue(two.messages().contains("was changed by someone else meanwhile"), two.messages());
    assertEquals("Second " + code, b.find(By.id("entry:nameEn")).getAttribute("value"));
    assertEquals(
        "First " + code,
        db.single("select name_en from category where code = ?", code),
        "nothing overwritten");
    // The other change is in the history; saving again now is a knowing choice.
    assertTrue(two.historyRow(0).getText().contains("→ First " + code));
    two.save();
    assertEquals("Category “Second " + code + "” saved.", two.messages());
    assertTrue(two.historyRow(0).getText().contains("First " + code + " → Second " + code));
  }

  /** A reference page with its list, its entry form and its history. */
  static final class EntryPage {
    private final Browser b;

    EntryPage(Browser b) {
      this.b = b;
      b.find(By.id("list:table"));
    }

    /** From the header's reference data to one of its lists (a link on the hub). */
    static EntryPage open(Browser b, String hubLink) {
      click(b, By.id("navReference"));
      click(b, By.id(hubLink));
      return new EntryPage(b);
    }

    EntryPage type(String id, String value) {
      WebElement input = b.find(By.id(id));
      input.clear();
      input.sendKeys(value);
      return this;
    }

    EntryPage save() {
      b.idle();
      click(b, By.id("entry:save"));
      return this;
    }

    WebElement row(String key) {
      return b.find(
          By.xpath(
              "//*[@id='list:table']//tr[.//*[contains(@class, 'dz-code') and normalize-space()='"
                  + key
                  + "']]"));
    }

    WebElement historyRow(int index) {
      return b.all(By.cssSelector("#changes tbody tr")).get(index);
    }

    String confirmation() {
      b.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("list:confirmYes")));
      b.waitFor()
          .until(
              d ->
                  !d.findElement(By.cssSelector("#list\\:confirm .ui-confirm-dialog-message"))
                      .getText()
                      .isBlank());
      return b.find(By.cssSelector("#list\\:confirm .ui-confirm-dialog-message")).getText();
    }

    void confirm() {
      confirmation();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("list:confirmYes"))).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("signOut"));
    }

    String messages() {
      return b.all(By.id("messages")).stream()
          .map(WebElement::getText)
          .reduce("", String::concat)
          .strip();
    }

    String messageFor(String clientId) {
      return Portal.messageBeside(b, clientId);
    }

    private static void click(Browser b, By by) {
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(by).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("signOut"));
    }
  }
}
