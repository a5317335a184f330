package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Dimension;

/**
 * The header fits in one row on a 1366 px wide screen, for every role, in Kazakh, Russian and
 * English, with the inbox count shown.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class HeaderLayoutBrowserIT {

  private static final String ITEMS =
      "header.dz-header .dz-brand, header.dz-header .dz-nav a, header.dz-header .dz-lang a,"
          + " #navInbox, #unread, #userName, #userOrg, #signOut";

  private final TestData db = ClientDatabase.open();

  @Test
  void investigatorsHeaderIsOneRow(Browser b) throws Exception {
    oneRowInEveryLanguage("investigator1", b);
  }

  @Test
  void supervisorsHeaderIsOneRow(Browser b) throws Exception {
    oneRowInEveryLanguage("supervisor1", b);
  }

  @Test
  void officersHeaderIsOneRow(Browser b) throws Exception {
    oneRowInEveryLanguage("officer1", b);
  }

  @Test
  void administratorsHeaderIsOneRow(Browser b) throws Exception {
    oneRowInEveryLanguage("admin.mci", b);
  }

  private void oneRowInEveryLanguage(String username, Browser b) throws Exception {
    b.driver().manage().window().setSize(new Dimension(1366, 900));
    Portal.signIn(b, username);
    // Many unread messages: the count is shown, with three digits.
    for (int i = 0; i < 3; i++) {
      db.inboxMessage(
          username, "inbox.decided", "AFM-N-" + UUID.randomUUID().toString().substring(0, 8), "/");
    }
    db.update(
        "insert into portal_notification (id, recipient, created_at, message_key, parameters, link)"
            + " select nextval('portal_notification_seq'), ?, now(), 'inbox.decided', '[\"X\"]', '/'"
            + " from generate_series(1, 120)",
        username);
    for (String lang : List.of("kk", "ru", "en")) {
      Portal.chooseLanguage(b, lang);
      b.open("registry/list.xhtml");
      b.find(By.id("signOut"));
      assertTrue(
          Long.parseLong(b.find(By.id("unread")).getText()) >= 100, "the inbox count is shown");
      assertOneRow(b, username + " in " + lang);
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertOneRow(Browser b, String what) {
    assertEquals(1366L, ((Number) b.script("return window.outerWidth;")).longValue());
    Map<String, Object> header =
        (Map<String, Object>)
            b.script(
                "const h = document.querySelector('header.dz-header');"
                    + "const r = h.getBoundingClientRect();"
                    + "return {scroll: h.scrollWidth, client: h.clientWidth, right: r.right};");
    assertTrue(
        ((Number) header.get("scroll")).doubleValue()
            <= ((Number) header.get("client")).doubleValue(),
        what + ": nothing sticks out of the header " + header);
    List<Map<String, Object>> items =
        (List<Map<String, Object>>)
            b.script(
                "return [...document.querySelectorAll(arguments[0])].map(e => {"
                    + " const r = e.getBoundingClientRect();"
                    + " return {name: e.id || e.textContent.trim(), top: r.top, bottom: r.bottom,"
                    + " right: r.right, width: r.width};});",
                ITEMS);
    assertTrue(items.size() >= 8, what + ": " + items);
    // One row: every item overlaps vertically with the first menu item, and all are visible.
    Map<String, Object> menu =
        items.stream()
            .filter(i -> String.valueOf(i.get("name")).startsWith("nav"))
            .findFirst()
            .orElseThrow();
    double top = ((Number) menu.get("top")).doubleValue();
    double bottom = ((Number) menu.get("bottom")).doubleValue();
    double right = ((Number) header.get("right")).doubleValue();
    for (Map<String, Object> item : items) {
      double t = ((Number) item.get("top")).doubleValue();
      double bt = ((Number) item.get("bottom")).doubleValue();
      assertTrue(
          t < bottom && bt > top, what + ": " + item.get("name") + " is on another row " + items);
      assertTrue(((Number) item.get("width")).doubleValue() > 0, what + ": " + item);
      assertTrue(((Number) item.get("right")).doubleValue() <= right + 0.5, what + ": " + item);
    }
  }
}
