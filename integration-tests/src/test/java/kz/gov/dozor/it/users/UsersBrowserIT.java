package kz.gov.dozor.it.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CasePage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An administrator manages their organisation's users through Keycloak, on the portal's pages:
 * creates an account whose holder signs in with the temporary password, disables it (their open
 * session ends at once), is refused the other organisation's roles and accounts and their own
 * administrator role, and a supervisor made here is told of a sign-off before ever signing in. The
 * accounts are made here ({@code it-ub-…}) and removed afterwards.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class UsersBrowserIT {

  static final String PREFIX = "it-ub-";
  static final String NEW_PASSWORD = "Own-passw0rd-of-mine";

  /** The SMTP server the portal's e-mails go to during this test. */
  private static GreenMail smtp;

  private final TestData db = ClientDatabase.open();
  private final List<String> made = new ArrayList<>();

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

  @AfterEach
  void removeTheAccountsMadeHere() {
    for (String username : made) {
      try {
        KeycloakAdmin.deleteUser(KeycloakAdmin.userId(username));
      } catch (IllegalStateException alreadyGone) {
        // never created: the test failed before
      }
    }
  }

  @Test
  void aNewInvestigatorSignsInWithTheTemporaryPasswordWorksAndIsThenDisabled(
      Browser admin, Browser newcomer) {
    String login = login("inv");
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    UsersPage.open(admin);
    String password = NewUserForm.open(admin).create(login, "Aliya", "Nurova", "investigator");
    assertTrue(
        admin.find(By.id("createdText")).getText().contains("Aliya Nurova (" + login + ")"),
        admin.find(By.id("createdText")).getText());

    // The new investigator signs in with it, sets their own password and registers a case.
    Portal.signInFirstTime(newcomer, login, password, NEW_PASSWORD);
    assertEquals("Aliya Nurova", newcomer.find(By.id("userName")).getText());
    Portal.chooseLanguage(newcomer, "en");
    new NewCasePage(newcomer)
        .url(0, "https://casino-" + UUID.randomUUID().toString().substring(0, 8) + ".example/")
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Found by a new colleague.")
        .attach("site.png", TestFiles.png(31))
        .register();
    assertEquals("Registered", new CasePage(newcomer).status());

    // The administrator sees the sign-in and the case it holds, and disables the account.
    admin.find(By.id("openCreated")).click();
    AccountPage account = new AccountPage(admin);
    assertEquals("Enabled", account.state());
    assertFalse(admin.find(By.id("lastSignIn")).getText().contains("Never"));
    assertTrue(admin.find(By.id("held")).getText().contains("Registered"));
    String question = account.disable();
    assertTrue(question.contains("Aliya Nurova"), question);
    assertEquals("Disabled", new AccountPage(admin).state());
    assertTrue(
        admin.find(By.id("messages")).getText().contains("Aliya Nurova is disabled"),
        admin.find(By.id("messages")).getText());

    // Their open session ends at their next request: Keycloak's sign-in instead of the portal.
    newcomer.open("cases/list.xhtml");
    newcomer.waitFor().until(d -> newcomer.present(By.id("username")));
    assertTrue(newcomer.url().startsWith(KeycloakAdmin.REALM_URL + "/"), newcomer.url());
    assertFalse(newcomer.present(By.id("signOut")));
    // And they cannot sign in again.
    Portal.submitPassword(newcomer, login, NEW_PASSWORD);
    assertTrue(newcomer.present(By.id("username")) || newcomer.present(By.id("kc-login")));
    assertFalse(newcomer.present(By.id("signOut")));
    assertTrue(newcomer.url().startsWith(KeycloakAdmin.REALM_URL + "/"), newcomer.url());
  }

  @Test
  void theAgencysAdministratorKeepsToTheAgencysRolesAccountsAndTheirOwnAdministratorRole(
      Browser b) {
    Portal.signIn(b, "admin.afm");
    Portal.chooseLanguage(b, "en");

    // Only the agency's roles are offered; a ministry role forged into the form is not taken (the
    // form drops values it did not offer), so no account is made.
    NewUserForm form = NewUserForm.open(b);
    assertEquals(List.of("Investigator", "Supervisor", "Administrator"), form.roleLabels());
    String forged = login("forged");
    form.fill(forged, "Forged", "Role", "supervisor");
    b.script(
        "document.querySelector(\"[id='userForm:roles'] input[value='supervisor']\").value ="
            + " 'officer';");
    form.submit();
    assertEquals("Choose at least one role.", form.messageFor("userForm:roles"));
    assertFalse(b.present(By.id("temporaryPassword")));
    assertEquals(
        List.of(), KeycloakAdmin.admin("GET", "/users?exact=true&username=" + forged, null).list());

    // The ministry's users are not in the list, and the ministry's administrator's page is refused.
    UsersPage list = UsersPage.open(b).search("admin");
    assertTrue(list.logins().contains("admin.afm"), list.logins().toString());
    assertFalse(list.logins().contains("admin.mci"), list.logins().toString());
    b.open("users/view.xhtml?id=" + KeycloakAdmin.userId("admin.mci"));
    assertEquals("403", b.find(By.id("errorCode")).getText());

    // Their own administrator role cannot be taken away here.
    UsersPage.at(b).search("admin.afm").openUser("admin.afm");
    AccountPage own = new AccountPage(b);
    // The account's address (with its id) as opened; a refused save may leave the form's
    // post-back address in the address bar.
    String ownPage = b.url();
    assertTrue(ownPage.contains("id="), ownPage);
    assertFalse(b.present(By.id("actions:disable")), "nobody disables themselves");
    own.untick("admin").tick("investigator").saveRoles();
    assertEquals(
        "You cannot take away your own administrator role.", own.messageFor("account:roles"));
    b.open(ownPage);
    assertTrue(new AccountPage(b).ticked("admin"), "still an administrator");
    assertFalse(new AccountPage(b).ticked("investigator"), "and nothing else changed");
  }

  @Test
  void aSupervisorCreatedHereIsToldOfASignOffBeforeTheirFirstSignIn(
      Browser admin, Browser investigator, Browser supervisor) throws Exception {
    String login = login("sup");
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    String password = NewUserForm.open(admin).create(login, "Bolat", "Sarsenov", "supervisor");

    // An investigator submits a notification for sign-off.
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .url(0, "https://casino-" + UUID.randomUUID().toString().substring(0, 8) + ".example/")
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Casino for the new supervisor.")
        .attach("site.png", TestFiles.png(32))
        .register();
    new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    String caseNumber = investigator.find(By.id("registrationNumber")).getText();
    new CasePage(investigator).pick(0);
    investigator.all(By.cssSelector("[id^='noticeForm:evidence:']")).get(0).click();
    investigator.find(By.id("noticeForm:justification")).sendKeys("Unlicensed casino.");
    investigator.idle();
    WebElement page = investigator.driver().findElement(By.tagName("html"));
    investigator.find(By.id("noticeForm:submitNotice")).click();
    investigator.waitFor().until(Browser.stale(page));
    investigator.find(By.id("outgoingNumber"));

    // The new supervisor, who has never signed in, is told by e-mail and in the inbox.
    assertTrue(waitForMail(login + "@afm.gov.kz", caseNumber), "e-mail to the new supervisor");
    assertEquals(
        1L,
        db.count(
            "select count(*) from portal_notification where recipient = ?"
                + " and message_key = 'inbox.awaitingSignOff' and read_at is null",
            login));
    Portal.signInFirstTime(supervisor, login, password, NEW_PASSWORD);
    Portal.chooseLanguage(supervisor, "en");
    assertTrue(Integer.parseInt(supervisor.find(By.id("unread")).getText()) >= 1);
    supervisor.find(By.id("navInbox")).click();
    assertTrue(
        supervisor.find(By.cssSelector(".dz-inbox-table")).getText().contains(caseNumber),
        "the message in the inbox");
  }

  private String login(String what) {
    String login = PREFIX + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    made.add(login);
    return login;
  }

  /** Waits up to a minute for an e-mail to {@code to} whose text mentions {@code text}. */
  private static boolean waitForMail(String to, String text) throws InterruptedException {
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
      Thread.sleep(500);
    }
    return false;
  }

  /** The list of the organisation's users. */
  static final class UsersPage {
    private final Browser b;

    private UsersPage(Browser b) {
      this.b = b;
    }

    /** Through the header's link. */
    static UsersPage open(Browser b) {
      b.find(By.id("navUsers")).click();
      b.find(By.id("filters:search"));
      return new UsersPage(b);
    }

    /** By its address (from a page without the header, e.g. the 403 page). */
    static UsersPage at(Browser b) {
      b.open("users/list.xhtml");
      b.find(By.id("filters:search"));
      return new UsersPage(b);
    }

    UsersPage search(String text) {
      WebElement input = b.find(By.id("filters:search"));
      input.clear();
      input.sendKeys(text);
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("filters:find")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("results:users"));
      return this;
    }

    List<String> logins() {
      return b.all(By.cssSelector("#results\\:users .dz-login")).stream()
          .map(WebElement::getText)
          .toList();
    }

    void openUser(String login) {
      b.find(
              By.xpath(
                  "//*[@id='results:users']//tr[.//span[@class='dz-login' and text()='"
                      + login
                      + "']]//a[contains(@class, 'dz-user-link')]"))
          .click();
      b.find(By.id("fullName"));
    }
  }

  /** The new-user form. */
  static final class NewUserForm {
    private final Browser b;

    private NewUserForm(Browser b) {
      this.b = b;
    }

    static NewUserForm open(Browser b) {
      b.open("users/new.xhtml");
      b.find(By.id("userForm:create"));
      return new NewUserForm(b);
    }

    List<String> roleLabels() {
      return b.all(By.cssSelector("[id='userForm:roles'] label")).stream()
          .map(WebElement::getText)
          .toList();
    }

    NewUserForm fill(String login, String firstName, String lastName, String... roles) {
      b.find(By.id("userForm:username")).sendKeys(login);
      b.find(By.id("userForm:firstName")).sendKeys(firstName);
      b.find(By.id("userForm:lastName")).sendKeys(lastName);
      b.find(By.id("userForm:email")).sendKeys(login + "@afm.gov.kz");
      for (String role : roles) {
        b.find(
                By.xpath(
                    "//*[@id='userForm:roles']//input[@value='"
                        + role
                        + "']/ancestor::div[contains(@class,'ui-chkbox')][1]"
                        + "//div[contains(@class,'ui-chkbox-box')]"))
            .click();
      }
      return this;
    }

    void submit() {
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("userForm:create")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("signOut"));
    }

    /** Creates the account; returns the temporary password the page shows once. */
    String create(String login, String firstName, String lastName, String... roles) {
      fill(login, firstName, lastName, roles);
      submit();
      return b.find(By.id("temporaryPassword")).getText();
    }

    String messageFor(String clientId) {
      return Portal.messageBeside(b, clientId);
    }
  }

  /** One account: its facts, roles and actions. */
  static final class AccountPage {
    private final Browser b;

    AccountPage(Browser b) {
      this.b = b;
      b.find(By.id("fullName"));
    }

    String state() {
      return b.find(By.id("state")).getText();
    }

    boolean ticked(String role) {
      return b.find(By.xpath(checkbox(role) + "//div[contains(@class,'ui-chkbox-box')]"))
          .getAttribute("class")
          .contains("ui-state-active");
    }

    AccountPage tick(String role) {
      if (!ticked(role)) {
        b.find(By.xpath(checkbox(role) + "//div[contains(@class,'ui-chkbox-box')]")).click();
      }
      return this;
    }

    AccountPage untick(String role) {
      if (ticked(role)) {
        b.find(By.xpath(checkbox(role) + "//div[contains(@class,'ui-chkbox-box')]")).click();
      }
      return this;
    }

    void saveRoles() {
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("account:saveRoles")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("signOut"));
    }

    /** Disables the account, saying yes to the question; returns the question asked. */
    String disable() {
      b.find(By.id("actions:disable")).click();
      WebElement dialog = b.find(By.id("actions:confirm"));
      b.waitFor()
          .until(
              d ->
                  !dialog
                      .findElement(By.cssSelector(".ui-confirm-dialog-message"))
                      .getText()
                      .isBlank());
      String question = dialog.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText();
      WebElement page = b.driver().findElement(By.tagName("html"));
      b.find(By.id("actions:confirmYes")).click();
      b.waitFor().until(Browser.stale(page));
      b.find(By.id("fullName"));
      return question;
    }

    String messageFor(String clientId) {
      return Portal.messageBeside(b, clientId);
    }

    private static String checkbox(String role) {
      return "//*[@id='account:roles']//input[@value='"
          + role
          + "']/ancestor::div[contains(@class,'ui-chkbox')][1]";
    }
  }
}
