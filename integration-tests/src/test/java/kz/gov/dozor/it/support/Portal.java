package kz.gov.dozor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Page objects of the portal and of Keycloak's sign-in, as a user works with them. */
public final class Portal {

  public static final String PASSWORD = "dozor-demo";

  private Portal() {}

  /**
   * Keycloak's sign-in as a demo user: the password, then a one-time password for those who must
   * give one (administrators and officers; their secrets are in demo-totp.properties).
   */
  public static void signIn(Browser b, String username) {
    signIn(b, username, PASSWORD, Totp.demoSecret(username));
  }

  /**
   * Keycloak's sign-in with a password and, if Keycloak asks for one, a one-time password from
   * {@code totpSecret} (Base32). Returns once the portal shows its page.
   */
  public static void signIn(Browser b, String username, String password, String totpSecret) {
    b.open("");
    submitPassword(b, username, password);
    b.waitFor().until(d -> b.present(By.id("signOut")) || b.present(By.id("otp")));
    if (b.present(By.id("otp"))) {
      if (totpSecret == null) {
        throw new IllegalStateException(username + " is asked for a one-time password");
      }
      submitOneTimePassword(b, Totp.freshCode(username, totpSecret));
    }
    b.find(By.id("signOut"));
  }

  /**
   * Fills in Keycloak's username and password form (asked together or one after the other) and
   * sends it; returns at whatever Keycloak answers.
   */
  public static void submitPassword(Browser b, String username, String password) {
    b.find(By.id("username")).clear();
    b.find(By.id("username")).sendKeys(username);
    if (!b.present(By.id("password")) || !b.driver().findElement(By.id("password")).isDisplayed()) {
      b.find(By.id("kc-login")).click();
    }
    b.find(By.id("password")).sendKeys(password);
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("kc-login")).click();
    b.waitFor().until(Browser.stale(page));
  }

  /**
   * The first sign-in of an account an administrator made: the temporary password, then Keycloak
   * asks for a new one (twice). Returns once the portal shows its page.
   */
  public static void signInFirstTime(
      Browser b, String username, String temporaryPassword, String newPassword) {
    b.open("");
    submitPassword(b, username, temporaryPassword);
    WebElement next = b.find(By.id("password-new"));
    next.sendKeys(newPassword);
    b.find(By.id("password-confirm")).sendKeys(newPassword);
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("kc-submit")).click();
    b.waitFor().until(Browser.stale(page));
    b.find(By.id("signOut"));
  }

  /** Types a code into Keycloak's one-time-password form and sends it. */
  public static void submitOneTimePassword(Browser b, String code) {
    WebElement otp = b.find(By.id("otp"));
    otp.clear();
    otp.sendKeys(code);
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("kc-login")).click();
    b.waitFor().until(Browser.stale(page));
  }

  /** The message the portal shows beside the field {@code clientId} (in its dz-field). */
  public static String messageBeside(Browser b, String clientId) {
    return b.find(
            By.xpath(
                "//*[@id='"
                    + clientId
                    + "']/ancestor::div[contains(concat(' ', @class, ' '), ' dz-field ')][1]"
                    + "//*[contains(concat(' ', @class, ' '), ' ui-message ')]"))
        .getText();
  }

  public static void chooseLanguage(Browser b, String lang) {
    WebElement link = b.find(By.cssSelector("[data-lang='" + lang + "']"));
    if (link.getAttribute("class").contains("dz-lang-current")) {
      return;
    }
    WebElement page = b.driver().findElement(By.tagName("html"));
    link.click();
    b.waitFor().until(Browser.stale(page));
    b.waitFor().until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
  }

  /** The new-case form. */
  public static final class NewCasePage {
    private final Browser b;

    public NewCasePage(Browser b) {
      this.b = b;
      b.find(By.id("navNewCase")).click();
      b.find(By.id("caseForm:register"));
    }

    public NewCasePage url(int index, String url) {
      WebElement input = b.find(By.id("caseForm:resource:" + index + ":url"));
      input.clear();
      input.sendKeys(url);
      return this;
    }

    public NewCasePage addResource() {
      int before = b.all(By.cssSelector(".dz-resource")).size();
      b.find(By.id("caseForm:addResource")).click();
      b.idle();
      b.waitFor().until(d -> d.findElements(By.cssSelector(".dz-resource")).size() == before + 1);
      return this;
    }

    public NewCasePage category(String label) {
      b.find(By.id("caseForm:category")).click();
      // The list opens with an animation; a click before it ends is lost.
      b.waitFor()
          .until(
              d ->
                  d.findElement(By.id("caseForm:category_panel"))
                      .getAttribute("class")
                      .contains("overlay-enter-done"));
      b.find(By.cssSelector("#caseForm\\:category_items li[data-label='" + label + "']")).click();
      b.waitFor()
          .until(d -> label.equals(d.findElement(By.id("caseForm:category_label")).getText()));
      b.waitFor()
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("caseForm:category_panel")));
      return this;
    }

    public NewCasePage detectedHoursAgo(int hours) {
      String when =
          LocalDateTime.now(ZoneId.of("Asia/Almaty"))
              .minusHours(hours)
              .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
      WebElement input = b.find(By.id("caseForm:detectedAt_input"));
      input.clear();
      input.sendKeys(when);
      return this;
    }

    public NewCasePage description(String text) {
      WebElement area = b.find(By.id("caseForm:description"));
      area.click();
      area.sendKeys(text);
      return this;
    }

    /** Uploads a file as the user would pick it; waits until the portal has answered. */
    public NewCasePage attach(String fileName, byte[] content) {
      try {
        Path dir = Files.createTempDirectory("upload");
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        // Each answer re-renders the upload's message: wait for this one to be replaced.
        WebElement message = b.driver().findElement(By.id("caseForm:uploadMessage"));
        b.driver().findElement(By.id("caseForm:upload_input")).sendKeys(file.toString());
        b.waitFor().until(Browser.stale(message));
        b.idle();
        b.waitFor()
            .until(ExpectedConditions.presenceOfElementLocated(By.id("caseForm:uploadMessage")));
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public int stagedCount() {
      return b.all(By.cssSelector("#caseForm\\:staged tbody tr .dz-file-name")).size();
    }

    /** The names of the files staged in the form, as shown. */
    public java.util.List<String> stagedNames() {
      return b.all(By.cssSelector("#caseForm\\:staged tbody tr .dz-file-name")).stream()
          .map(WebElement::getText)
          .toList();
    }

    public String uploadMessage() {
      return b.driver().findElement(By.id("caseForm:uploadMessage")).getText();
    }

    public String messageFor(String clientId) {
      return messageBeside(b, clientId);
    }

    /** Pastes lines into the "many URLs" box and adds them; returns when the form has answered. */
    public NewCasePage paste(java.util.List<String> lines) {
      WebElement area = b.find(By.id("caseForm:pasted"));
      // Thousands of characters: set at once rather than typed key by key.
      b.script("arguments[0].value = arguments[1];", area, String.join("\n", lines));
      b.find(By.id("caseForm:addPasted")).click();
      b.waitFor().until(Browser.stale(area));
      b.idle();
      return this;
    }

    /** What the form says it took from the pastes ("300 pasted URLs will be registered …"). */
    public String pastedCount() {
      return b.find(By.id("caseForm:pastedCount")).getText();
    }

    /** The pasted lines not taken, each with the reason. */
    public java.util.List<String> pasteProblems() {
      return b.all(By.cssSelector("#caseForm\\:pasteProblems .dz-paste-problem")).stream()
          .map(WebElement::getText)
          .toList();
    }

    /** The text left in the "many URLs" box. */
    public String pastedText() {
      return b.find(By.id("caseForm:pasted")).getAttribute("value");
    }

    /** Sends the form; returns when the portal has answered with the next page. */
    public void register() {
      b.idle();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("caseForm:register")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("signOut"));
    }
  }

  /** The case list with its filters. */
  public static final class CaseListPage {
    private final Browser b;

    public CaseListPage(Browser b) {
      this.b = b;
      b.find(By.id("navCases")).click();
      b.find(By.id("results:cases"));
    }

    public CaseListPage filterByUrl(String text) {
      WebElement url = b.find(By.id("filters:url"));
      url.clear();
      url.sendKeys(text);
      WebElement table = b.find(By.id("results:cases"));
      b.find(By.id("filters:search")).click();
      b.waitFor().until(Browser.stale(table));
      b.find(By.id("results:cases"));
      return this;
    }

    public java.util.List<String> numbers() {
      return b.all(By.cssSelector("#results\\:cases .dz-case-link")).stream()
          .map(WebElement::getText)
          .toList();
    }

    public void open(String registrationNumber) {
      b.find(By.linkText(registrationNumber)).click();
      b.find(By.id("registrationNumber"));
    }
  }

  /** The case page and its decision forms. */
  public static final class CasePage {
    private final Browser b;

    public CasePage(Browser b) {
      this.b = b;
      b.find(By.id("registrationNumber"));
    }

    public String status() {
      return b.find(By.id("status")).getText();
    }

    public CasePage route(boolean crimeSigns, String prohibited, String legalReference) {
      b.find(By.id("decisionForm:crimeSigns:" + (crimeSigns ? 0 : 1))).click();
      int option =
          switch (prohibited) {
            case "LAW" -> 1;
            case "COURT" -> 2;
            default -> 0;
          };
      b.find(By.id("decisionForm:prohibitedBy:" + option)).click();
      if (legalReference != null) {
        b.find(By.id("decisionForm:legalReference")).sendKeys(legalReference);
      }
      return submit("decisionForm:route");
    }

    public CasePage dismiss(String reason) {
      b.find(By.id("decisionForm:dismissReason")).sendKeys(reason);
      b.find(By.id("decisionForm:dismiss")).click();
      return confirm();
    }

    /** The question the confirmation dialog asks now (it is open). */
    public String confirmation() {
      b.waitFor()
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("decisionForm:confirmYes")));
      return b.find(By.cssSelector(".ui-confirm-dialog-message")).getText();
    }

    /** Answers "no" to the open confirmation: nothing is sent. */
    public CasePage cancelConfirmation() {
      confirmation();
      b.find(By.id("decisionForm:confirmNo")).click();
      b.waitFor()
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("decisionForm:confirmYes")));
      return this;
    }

    /** Answers "yes" to the open confirmation; returns when the portal has answered. */
    public CasePage confirm() {
      confirmation();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("decisionForm:confirmYes")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("registrationNumber"));
      return this;
    }

    public CasePage recordReferral(String bodyLabel, String letterNumber, String letterDate) {
      new Select(b.find(By.id("decisionForm:body"))).selectByVisibleText(bodyLabel);
      b.find(By.id("decisionForm:letterNumber")).sendKeys(letterNumber);
      b.find(By.id("decisionForm:letterDate_input")).sendKeys(letterDate);
      return submit("decisionForm:recordReferral");
    }

    public CasePage recordOutcome(String outcomeLabel, String penalty) {
      new Select(b.find(By.id("decisionForm:outcome"))).selectByVisibleText(outcomeLabel);
      if (penalty != null) {
        WebElement amount = b.find(By.id("decisionForm:penaltyMrp_input"));
        amount.clear();
        amount.sendKeys(penalty);
      }
      return submit("decisionForm:recordOutcome");
    }

    public CasePage close(String comment) {
      b.find(By.id("decisionForm:closeComment")).sendKeys(comment);
      b.find(By.id("decisionForm:close")).click();
      return confirm();
    }

    public String messages() {
      return b.all(By.cssSelector(".ui-messages, .ui-message")).stream()
          .map(WebElement::getText)
          .filter(t -> !t.isBlank())
          .reduce("", (x, y) -> x + "\n" + y);
    }

    /** Ticks, in the notification draft, every free resource on the picker's page. */
    public CasePage pickAllShown() {
      int rows = b.all(By.cssSelector("#noticeForm\\:freeResources .dz-pick")).size();
      for (int i = 0; i < rows; i++) {
        pick(i);
      }
      return this;
    }

    /** Ticks, in the notification draft, the free resource on row {@code i} of the page shown. */
    public CasePage pick(int i) {
      WebElement box =
          b.all(
                  By.cssSelector(
                      "#noticeForm\\:freeResources tbody tr[data-ri] .dz-pick .ui-chkbox-box"))
              .get(i);
      WebElement count = b.driver().findElement(By.id("noticeForm:pickCount"));
      box.click();
      // Each tick is kept by the portal at once; its answer re-renders the count of picks.
      b.waitFor().until(Browser.stale(count));
      b.idle();
      return this;
    }

    /** The URLs of the free resources on the picker's page. */
    public List<String> freeShown() {
      return b.all(By.cssSelector("#noticeForm\\:freeResources .dz-free-url")).stream()
          .map(WebElement::getText)
          .toList();
    }

    /** Narrows the picker to the free resources whose address contains the text. */
    public CasePage filterFree(String text) {
      WebElement field = b.find(By.id("noticeForm:freeFilter"));
      field.clear();
      field.sendKeys(text);
      WebElement table = b.driver().findElement(By.id("noticeForm:freeResources"));
      b.find(By.id("noticeForm:freeFilterApply")).click();
      b.waitFor().until(Browser.stale(table));
      b.idle();
      return this;
    }

    /** Goes to a page of the picker, by the paginator's page link. */
    public CasePage freePage(int page) {
      // Paging replaces the rows, not the table.
      WebElement table =
          b.driver().findElement(By.cssSelector("#noticeForm\\:freeResources tbody tr"));
      b.all(By.cssSelector("#noticeForm\\:freeResources .ui-paginator-page")).stream()
          .filter(a -> a.getText().strip().equals(String.valueOf(page)))
          .findFirst()
          .orElseThrow()
          .click();
      b.waitFor().until(Browser.stale(table));
      b.idle();
      return this;
    }

    /** What the picker says it holds: how many match, how many are picked. */
    public String pickCount() {
      return b.find(By.id("noticeForm:pickCount")).getText();
    }

    /** Attaches the first evidence file, gives a justification and submits the draft. */
    public NoticePage submitNotice(String justification) {
      b.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
      b.find(By.id("noticeForm:justification")).sendKeys(justification);
      b.idle();
      b.find(By.id("noticeForm:submitNotice")).click();
      return new NoticePage(b);
    }

    /** Filters the case's resource table by URL text and the ministry's answer (its value). */
    public CasePage filterResources(String urlText, String state) {
      WebElement url = b.find(By.id("resourcesForm:resourceUrl"));
      url.clear();
      url.sendKeys(urlText);
      new Select(b.find(By.id("resourcesForm:resourceState"))).selectByValue(state);
      WebElement table = b.driver().findElement(By.id("resourcesForm:resources"));
      b.find(By.id("resourcesForm:resourceFilter")).click();
      b.waitFor().until(Browser.stale(table));
      b.idle();
      return this;
    }

    /** The text of the case's resource table as shown. */
    public String resources() {
      return b.find(By.id("resourcesForm:resources")).getText();
    }

    private CasePage submit(String button) {
      b.idle();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id(button)).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("registrationNumber"));
      return this;
    }
  }

  /** The notification page: sign-off, decisions per resource, lifting a block. */
  public static final class NoticePage {
    private final Browser b;
    private String confirmation;

    public NoticePage(Browser b) {
      this.b = b;
      b.find(By.id("outgoingNumber"));
    }

    public String status() {
      return b.find(By.id("noticeStatus")).getText();
    }

    public String number() {
      return b.find(By.id("outgoingNumber")).getText();
    }

    /** Signs off after saying yes to the confirmation. */
    public NoticePage signOff() {
      return submit("noticeActions:signOff", true);
    }

    /**
     * Decides on the resource in row {@code row}: BLOCK (number, date), REFUSE or RETURN (text),
     * saying yes to the confirmation.
     */
    public NoticePage decide(int row, String decision, String number, String date, String text) {
      choose(row, decision);
      String p = "noticeActions:items:" + row + ":";
      if (number != null) {
        b.find(By.id(p + "decisionNumber")).sendKeys(number);
      }
      if (date != null) {
        b.find(By.id(p + "decisionDate_input")).sendKeys(date);
      }
      if (text != null) {
        b.find(By.id(p + "text")).sendKeys(text);
      }
      return submit(p + "decide", true);
    }

    /** Chooses a decision for row {@code row}; the form then shows that decision's fields. */
    public NoticePage choose(int row, String decision) {
      String p = "noticeActions:items:" + row + ":";
      int option =
          switch (decision) {
            case "BLOCK" -> 0;
            case "REFUSE" -> 1;
            default -> 2;
          };
      WebElement radio = b.find(By.id(p + "decision:" + option));
      if (radio.isSelected()) {
        return this;
      }
      WebElement fields = b.driver().findElement(By.id(p + "fields"));
      radio.click();
      b.waitFor().until(Browser.stale(fields));
      b.idle();
      b.find(By.id(p + "decide"));
      return this;
    }

    /** The supervisor returns the notification to the investigator with a comment. */
    public NoticePage sendBack(String comment) {
      b.find(By.id("noticeActions:comment")).sendKeys(comment);
      return submit("noticeActions:sendBack", false);
    }

    /** The investigator corrects the justification and submits the notification again. */
    public NoticePage resubmit(String justification) {
      WebElement area = b.find(By.id("noticeActions:justification"));
      area.clear();
      area.sendKeys(justification);
      return submit("noticeActions:resubmit", false);
    }

    /** How many fields of the decision form of row {@code row} are marked as required. */
    public int requiredMarkers(int row) {
      return b.all(
              By.cssSelector("[id='noticeActions:items:" + row + ":fields'] .ui-outputlabel-rfi"))
          .size();
    }

    /** The labels of the fields the decision form of row {@code row} shows now. */
    public java.util.List<String> fieldLabels(int row) {
      return b.all(By.cssSelector("[id='noticeActions:items:" + row + ":fields'] label")).stream()
          .map(WebElement::getText)
          .toList();
    }

    public NoticePage lift(int row, String reason) {
      String p = "noticeActions:items:" + row + ":";
      b.find(By.id(p + "lift")).sendKeys(reason);
      return submit(p + "liftButton", true);
    }

    public String itemText(int row) {
      return b.find(By.id("item-" + row)).getText();
    }

    /** Filters the resources by URL text and decision state ("" for any); waits for the table. */
    public NoticePage filterItems(String urlText, String state) {
      WebElement url = b.find(By.id("noticeActions:itemUrl"));
      url.clear();
      url.sendKeys(urlText);
      new Select(b.find(By.id("noticeActions:itemState"))).selectByValue(state);
      WebElement table = b.driver().findElement(By.id("noticeActions:items"));
      b.find(By.id("noticeActions:itemFilter")).click();
      b.waitFor().until(Browser.stale(table));
      b.idle();
      return this;
    }

    /** How many resources the table shows on this page. */
    public int itemRows() {
      return b.all(By.cssSelector("#noticeActions\\:items .dz-decision")).size();
    }

    /**
     * Records one decision on all resources that match the filter: BLOCK (number, date), REFUSE or
     * RETURN (text), saying yes to the confirmation.
     */
    public NoticePage decideAllMatching(String decision, String number, String date, String text) {
      WebElement covered = b.find(By.id("noticeActions:bulkCovered"));
      b.find(By.id("noticeActions:bulkScope:1")).click();
      b.waitFor().until(Browser.stale(covered));
      b.idle();
      return decideMany(decision, number, date, text);
    }

    /**
     * Picks the resource in row {@code row} (counted over all pages) for one decision; returns when
     * the decision's count has followed.
     */
    public NoticePage pick(int row) {
      WebElement covered = b.find(By.id("noticeActions:bulkCovered"));
      b.find(By.cssSelector("[id='noticeActions:items:" + row + ":pick'] .ui-chkbox-box")).click();
      b.waitFor().until(Browser.stale(covered));
      b.idle();
      return this;
    }

    /** The table's next page of resources. */
    public NoticePage nextPage() {
      WebElement first = b.find(By.cssSelector("#noticeActions\\:items .dz-decision"));
      b.find(By.cssSelector("#noticeActions\\:items .ui-paginator-next")).click();
      b.waitFor().until(Browser.stale(first));
      b.idle();
      return this;
    }

    /**
     * Records one decision on the resources picked: BLOCK (number, date), REFUSE or RETURN (text),
     * saying yes to the confirmation.
     */
    public NoticePage decidePicked(String decision, String number, String date, String text) {
      return decideMany(decision, number, date, text);
    }

    private NoticePage decideMany(String decision, String number, String date, String text) {
      int option =
          switch (decision) {
            case "BLOCK" -> 0;
            case "REFUSE" -> 1;
            default -> 2;
          };
      WebElement fields = b.driver().findElement(By.id("noticeActions:bulkFields"));
      b.find(By.id("noticeActions:bulkDecision:" + option)).click();
      b.waitFor().until(Browser.stale(fields));
      b.idle();
      if (number != null) {
        b.find(By.id("noticeActions:bulkNumber")).sendKeys(number);
      }
      if (date != null) {
        b.find(By.id("noticeActions:bulkDate_input")).sendKeys(date);
      }
      if (text != null) {
        b.find(By.id("noticeActions:bulkText")).sendKeys(text);
      }
      return submit("noticeActions:bulkApply", true);
    }

    /** What the decision on many resources says it covers. */
    public String covered() {
      return b.find(By.id("noticeActions:bulkCovered")).getText();
    }

    /** The text of the last confirmation said yes to. */
    public String confirmation() {
      return confirmation;
    }

    /** The page's global messages (confirmations of success, errors). */
    public String messages() {
      return b.all(By.cssSelector("#messages")).stream()
          .map(WebElement::getText)
          .reduce("", (x, y) -> x + y);
    }

    /** Clicks a button that asks for confirmation, reads the question, and says no. */
    public String cancel(String button) {
      b.idle();
      b.find(By.id(button)).click();
      WebElement dialog = visibleConfirmDialog();
      String text = dialog.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText();
      dialog.findElement(By.cssSelector(".ui-confirmdialog-no")).click();
      b.waitFor().until(ExpectedConditions.invisibilityOf(dialog));
      return text;
    }

    private WebElement visibleConfirmDialog() {
      return b.waitFor()
          .until(
              d ->
                  d.findElements(By.cssSelector(".ui-confirm-dialog")).stream()
                      .filter(WebElement::isDisplayed)
                      .findFirst()
                      .orElse(null));
    }

    private NoticePage submit(String button, boolean confirm) {
      b.idle();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id(button)).click();
      if (confirm) {
        WebElement dialog = visibleConfirmDialog();
        // The dialog opens with an animation; a click before it ends may be lost.
        b.waitFor()
            .until(
                d ->
                    !dialog
                        .findElement(By.cssSelector(".ui-confirm-dialog-message"))
                        .getText()
                        .isBlank());
        confirmation = dialog.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText();
        b.waitFor()
            .until(
                ExpectedConditions.elementToBeClickable(
                    dialog.findElement(By.cssSelector(".ui-confirmdialog-yes"))))
            .click();
      }
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("outgoingNumber"));
      return this;
    }
  }

  /** The triage queue: filters in the address, the rows ticked, and the actions on them. */
  public static final class TriagePage {
    private final Browser b;

    /** The queue at an address naming its filters, e.g. {@code url=abc&source=import}. */
    public TriagePage(Browser b, String filters) {
      this.b = b;
      b.open("/intake/triage.xhtml" + (filters.isEmpty() ? "" : "?" + filters));
      b.find(By.id("results:matchCount"));
      b.idle();
    }

    /** The rows of the current page. */
    public java.util.List<WebElement> rows() {
      b.idle();
      return b.all(By.cssSelector("#results\\:items_data tr[data-rk]"));
    }

    public String matchCount() {
      return b.find(By.id("results:matchCount")).getText();
    }

    /** The "by host" view; returns the hosts' links once {@code expected} of them are shown. */
    public java.util.List<WebElement> byHost(int expected) {
      b.find(By.id("results:byHost")).click();
      return b.waitFor().until(d -> hostLinks().size() == expected ? hostLinks() : null);
    }

    private java.util.List<WebElement> hostLinks() {
      return b.all(By.cssSelector("#results\\:hosts a.dz-host-link"));
    }

    /** Ticks the row of item {@code id} and waits until the table has it selected. */
    public TriagePage tick(long id) {
      By row = By.cssSelector("#results\\:items_data tr[data-rk='" + id + "']");
      b.find(row).findElement(By.cssSelector(".ui-chkbox-box")).click();
      b.waitFor().until(d -> "true".equals(d.findElement(row).getAttribute("aria-selected")));
      return this;
    }

    /** Takes all items that match the filters rather than the rows ticked. */
    public TriagePage tickAllMatching() {
      b.find(By.cssSelector("#results\\:allMatching .ui-chkbox-box")).click();
      return this;
    }

    /**
     * Makes what is selected into a new case of category {@code categoryLabel}; returns when the
     * portal has answered with the next page (the case, or the queue with its messages).
     */
    public void createCase(String categoryLabel, String description) {
      b.find(By.id("results:chooseCase")).click();
      if (categoryLabel != null) {
        b.find(By.id("results:caseCategory")).click();
        // The list opens with an animation; a click before it ends is lost.
        b.waitFor()
            .until(
                d ->
                    d.findElement(By.id("results:caseCategory_panel"))
                        .getAttribute("class")
                        .contains("overlay-enter-done"));
        b.find(
                By.cssSelector(
                    "#results\\:caseCategory_items li[data-label='" + categoryLabel + "']"))
            .click();
        b.waitFor()
            .until(
                ExpectedConditions.invisibilityOfElementLocated(
                    By.id("results:caseCategory_panel")));
      }
      b.find(By.id("results:description")).sendKeys(description);
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("results:createCase")).click();
      b.waitFor().until(Browser.stale(page));
      b.idle();
    }

    /** Dismisses what is selected with {@code reason}, saying yes to the question. */
    public TriagePage dismiss(String reason) {
      b.find(By.id("results:chooseDismiss")).click();
      b.find(By.id("results:reason")).sendKeys(reason);
      b.find(By.id("results:dismiss")).click();
      b.clickUntilGone(By.id("results:confirmYes"), By.id("results:confirm"));
      b.idle();
      return this;
    }

    /** The page's global messages. */
    public String messages() {
      return b.find(By.id("results:messages")).getText();
    }

    /** The message beside the filter {@code field} (e.g. {@code scoreMin}). */
    public String filterMessage(String field) {
      return messageBeside(b, "filters:" + field);
    }
  }

  /** The investigator's file imports: upload, the list with each import's progress. */
  public static final class ImportsPage {
    private final Browser b;

    public ImportsPage(Browser b) {
      this.b = b;
      b.find(By.id("navTriage")).click();
      b.find(By.id("toImports")).click();
      b.find(By.id("list:imports"));
    }

    /** Uploads a file as the user would pick it; returns the upload's message. */
    public String upload(Path file) {
      WebElement message = b.driver().findElement(By.id("upload:file-message"));
      b.driver().findElement(By.id("upload:file_input")).sendKeys(file.toString());
      b.waitFor().until(Browser.stale(message));
      b.idle();
      return b.driver().findElement(By.id("upload:file-message")).getText();
    }

    /** Waits until the newest import's counts say {@code text} (the list follows the job). */
    public ImportsPage awaitCounts(String text) {
      b.waitFor().until(d -> newest(".dz-import-counts").contains(text));
      return this;
    }

    /** A cell of the newest import's row, by its class ("" while the list re-renders). */
    public String newest(String cssClass) {
      java.util.List<WebElement> cells =
          b.all(By.cssSelector("#list\\:imports_data tr:first-child " + cssClass));
      try {
        return cells.isEmpty() ? "" : cells.get(0).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return "";
      }
    }

    /** Opens the newest import's page. */
    public void openNewest() {
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.cssSelector("#list\\:imports_data tr a.dz-import-link")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("rejected:rows"));
    }

    /** On an import's page: the numbers of the rejected rows shown. */
    public java.util.List<String> rejectedRows() {
      return b.all(By.cssSelector("#rejected\\:rows_data .dz-row-number")).stream()
          .map(WebElement::getText)
          .toList();
    }

    /** On an import's page: the reasons of the rejected rows shown. */
    public java.util.List<String> rejectedReasons() {
      return b.all(By.cssSelector("#rejected\\:rows_data .dz-problem")).stream()
          .map(WebElement::getText)
          .toList();
    }
  }

  /** The ministry's archive of notifications with its filters. */
  public static final class ArchivePage {
    private final Browser b;

    public ArchivePage(Browser b) {
      this.b = b;
      b.find(By.id("navArchive")).click();
      b.find(By.id("results:notices"));
    }

    public ArchivePage status(String value) {
      new Select(b.find(By.id("filters:status"))).selectByValue(value);
      return this;
    }

    public ArchivePage url(String text) {
      WebElement url = b.find(By.id("filters:url"));
      url.clear();
      url.sendKeys(text);
      return this;
    }

    public ArchivePage number(String text) {
      WebElement number = b.find(By.id("filters:number"));
      number.clear();
      number.sendKeys(text);
      return this;
    }

    public ArchivePage search() {
      b.idle();
      WebElement table = b.find(By.id("results:notices"));
      b.find(By.id("filters:search")).click();
      b.waitFor().until(Browser.stale(table));
      b.find(By.id("results:notices"));
      return this;
    }

    public java.util.List<String> numbers() {
      return b.all(By.cssSelector("#results\\:notices .dz-notice-link")).stream()
          .map(WebElement::getText)
          .toList();
    }

    public String text() {
      return b.find(By.id("results:notices")).getText();
    }
  }
}
