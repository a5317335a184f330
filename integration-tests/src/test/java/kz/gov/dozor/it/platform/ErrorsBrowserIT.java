package kz.gov.dozor.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a user sees when something goes wrong, and what the server log keeps: an expired page leads
 * to a page that says so (never a 500), an unexpected error in an Ajax request shows a translated
 * message with an incident id (never an exception's name) and the log has exactly one entry with
 * that id; refusals are one line each, without a stack trace.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class ErrorsBrowserIT {

  private static final Path SERVER_LOG =
      Path.of(System.getProperty("server.log", "target/server-base/log/server.log"));

  @Test
  void anExpiredPageLeadsToAFriendlyPageThatOpensItAgain(Browser b) {
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    b.open("cases/list.xhtml");
    b.find(By.id("signOut"));
    forgetTheViewState(b);
    // A full postback (the language switch) with a view the server no longer has.
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.find(By.cssSelector("[data-lang='ru']")).click();
    b.waitFor().until(Browser.stale(page));

    assertTrue(b.url().contains("/errors/expired.xhtml"), b.url());
    assertEquals("⌛", b.find(By.id("errorCode")).getText());
    WebElement again = b.find(By.id("openAgain"));
    assertTrue(
        again.getAttribute("href").endsWith("/dozor/cases/list.xhtml"), again.getAttribute("href"));
    again.click();
    b.find(By.id("signOut"));
    assertTrue(b.url().endsWith("/cases/list.xhtml"), b.url());
  }

  @Test
  void anExpiredPageInAnAjaxRequestLeadsThereToo(Browser b) {
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    b.open("cases/list.xhtml");
    b.find(By.id("signOut"));
    b.idle();
    forgetTheViewState(b);
    b.script(
        "const t = Object.values(PrimeFaces.widgets).find(w => w instanceof PrimeFaces.widget.DataTable);"
            + " PrimeFaces.ab({s: t.id, p: t.id, u: t.id, pa: [{name: t.id + '_pagination', value: true},"
            + " {name: t.id + '_first', value: 0}, {name: t.id + '_rows', value: 10}]});");
    b.waitFor().until(d -> d.getCurrentUrl().contains("/errors/expired.xhtml"));
    assertEquals("The page has expired", b.find(By.cssSelector("h1")).getText());
  }

  @Test
  void anUnexpectedAjaxErrorShowsATranslatedMessageWithAnIncidentIdLoggedOnce(Browser b)
      throws IOException {
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "kk");
    long logBefore = Files.size(SERVER_LOG);
    b.open("cases/list.xhtml");
    b.find(By.id("signOut"));
    b.idle();
    // A paging request with a negative page size: nothing the page expects, so the table fails
    // half-way through rendering its answer.
    b.script(
        "const t = Object.values(PrimeFaces.widgets).find(w => w instanceof PrimeFaces.widget.DataTable);"
            + " PrimeFaces.ajax.Request.handle({source: t.id, process: t.id, update: t.id, params: ["
            + " {name: t.id + '_pagination', value: true}, {name: t.id + '_first', value: '-50'},"
            + " {name: t.id + '_rows', value: '-5'}, {name: t.id + '_encodeFeature', value: true}]});");
    b.waitFor().until(d -> d.getCurrentUrl().contains("/errors/incident.xhtml"));

    String text = b.find(By.id("incident")).getText();
    Matcher id = Pattern.compile("DZ-[0-9A-Z]{10}").matcher(text);
    assertTrue(id.find(), text);
    assertTrue(text.startsWith("Инцидент нөмірі: " + id.group()), text);
    String page = b.pageText();
    assertFalse(page.contains("Exception"), page);
    assertFalse(page.contains("java."), page);

    List<String> withId = linesOfServerLog().stream().filter(l -> l.contains(id.group())).toList();
    assertEquals(1, withId.size(), withId.toString());
    assertTrue(withId.get(0).contains("SEVERE"), withId.get(0));
    // ...and nothing else logged that request's failure again.
    String added = new String(readFrom(logBefore), StandardCharsets.UTF_8);
    assertEquals(
        List.of(), added.lines().filter(l -> l.contains("UT005023")).toList(), "logged again");
  }

  @Test
  void refusalsAreOneLineEachWithoutAStackTrace(Browser b) throws IOException {
    Portal.signIn(b, "investigator1");
    long before = Files.size(SERVER_LOG);
    Map<String, Object> missing = b.fetch(Browser.BASE_URL + "cases/view.xhtml?id=999999998");
    assertEquals(404L, ((Number) missing.get("status")).longValue());
    Map<String, Object> notYours = b.fetch(Browser.BASE_URL + "notices/view.xhtml?id=999999997");
    assertEquals(404L, ((Number) notYours.get("status")).longValue());
    Map<String, Object> closed = b.fetch(Browser.BASE_URL + "audit/log.xhtml");
    assertEquals(403L, ((Number) closed.get("status")).longValue());

    String added = new String(readFrom(before), StandardCharsets.UTF_8);
    assertEquals(2, added.lines().filter(l -> l.contains("refused with 404")).count(), added);
    assertFalse(added.lines().anyMatch(l -> l.startsWith("\tat ")), added);
    assertFalse(added.contains("WFLYEJB0034"), added);
  }

  private static void forgetTheViewState(Browser b) {
    b.script(
        "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
            + ".forEach(i => i.value = '-1:-1');");
  }

  private static List<String> linesOfServerLog() throws IOException {
    return Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8);
  }

  private static byte[] readFrom(long offset) throws IOException {
    byte[] all = Files.readAllBytes(SERVER_LOG);
    return java.util.Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length);
  }
}
