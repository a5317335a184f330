package kz.gov.dozor.it.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The inbox as its reader sees it: in the language of the page, new messages apart from read ones,
 * a message read once opened, everything read at once, and the header's count following.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class InboxBrowserIT {

  private static final String USER = "investigator2";

  private final TestData db = ClientDatabase.open();

  @Test
  void messagesReadInTheLanguageOfThePageNotTheOneChosenElsewhere(Browser b) throws Exception {
    Portal.signIn(b, USER);
    Portal.chooseLanguage(b, "en");
    // Meanwhile the account chose Russian in another session: the stored choice is "ru".
    chooseElsewhere("ru");
    String number = "AFM-N-" + UUID.randomUUID().toString().substring(0, 8);
    long id = db.inboxMessage(USER, "inbox.decided", number, "/registry/list.xhtml");

    b.open("inbox/list.xhtml");
    assertEquals("The ministry decided on notification " + number + ".", message(b, id).getText());

    Portal.chooseLanguage(b, "kk");
    chooseElsewhere("ru");
    b.open("inbox/list.xhtml");
    assertEquals(
        "Министрлік " + number + " хабарламасы бойынша шешім қабылдады.", message(b, id).getText());
  }

  @Test
  void openingReadsAMessageAndMarkAllReadEmptiesTheCount(Browser b) throws Exception {
    Portal.signIn(b, USER);
    Portal.chooseLanguage(b, "en");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long first = db.inboxMessage(USER, "inbox.decided", "AFM-N-A" + marker, "/registry/list.xhtml");
    long second =
        db.inboxMessage(USER, "inbox.blockLifted", "AFM-N-B" + marker, "/registry/list.xhtml");

    b.open("inbox/list.xhtml");
    long unread = unreadInDatabase();
    assertTrue(unread >= 2, "both new messages are unread");
    assertEquals(String.valueOf(unread), b.find(By.id("unread")).getText());
    assertEquals("dz-unread", rowState(b, first));
    assertEquals("New", stateText(b, first));
    assertEquals("dz-unread", rowState(b, second));

    WebElement page = b.driver().findElement(By.tagName("html"));
    message(b, first).click();
    b.waitFor().until(Browser.stale(page));
    b.find(By.id("signOut"));
    assertTrue(b.url().contains("/registry/list.xhtml"), b.url());
    assertEquals(String.valueOf(unread - 1), b.find(By.id("unread")).getText());
    assertEquals(unread - 1, unreadInDatabase());

    b.open("inbox/list.xhtml");
    assertEquals("dz-read", rowState(b, first));
    assertEquals("Read", stateText(b, first));
    assertEquals("dz-unread", rowState(b, second));

    page = b.driver().findElement(By.tagName("html"));
    b.find(By.id("inbox:markRead")).click();
    b.waitFor().until(Browser.stale(page));
    b.find(By.id("signOut"));
    assertEquals(0, unreadInDatabase());
    assertFalse(b.present(By.id("unread")), "no count once everything is read");
    assertEquals("dz-read", rowState(b, second));
    assertTrue(b.all(By.cssSelector("tr.dz-unread")).isEmpty());
    assertFalse(b.present(By.id("inbox:markRead")));
  }

  private void chooseElsewhere(String language) throws Exception {
    db.update("update portal_user set locale = ? where username = ?", language, USER);
  }

  private long unreadInDatabase() throws Exception {
    return db.count(
        "select count(*) from portal_notification where recipient = ? and read_at is null", USER);
  }

  private static WebElement message(Browser b, long id) {
    return b.find(By.cssSelector("a.dz-inbox-link[href$='/inbox/open.xhtml?id=" + id + "']"));
  }

  private static String rowState(Browser b, long id) {
    String classes =
        message(b, id).findElement(By.xpath("./ancestor::tr[1]")).getAttribute("class");
    return classes.contains("dz-unread")
        ? "dz-unread"
        : classes.contains("dz-read") ? "dz-read" : "";
  }

  private static String stateText(Browser b, long id) {
    return message(b, id)
        .findElement(By.xpath("./ancestor::tr[1]"))
        .findElement(By.cssSelector(".dz-inbox-state"))
        .getText();
  }
}
