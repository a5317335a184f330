package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An evidence item's chain of custody as people read it, and child sexual abuse material opened
 * only through its item's page with a reason, which the custody then shows.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class CustodyBrowserIT {

  private static void register(Browser b, String category, byte[] shot) {
    new NewCasePage(b)
        .url(0, "https://custody-" + UUID.randomUUID().toString().substring(0, 8) + ".example/")
        .category(category)
        .detectedHoursAgo(1)
        .description("Evidence whose custody is read.")
        .attach("shot.png", shot)
        .register();
  }

  /** POSTs the item's download form from the page, as its button does, with {@code reason}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> post(Browser b, String action, String reason) {
    return (Map<String, Object>)
        ((JavascriptExecutor) b.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
                    + " body: new URLSearchParams({reason: arguments[1]})})"
                    + ".then(r => done({status: r.status, type: r.headers.get('content-type')}))"
                    + ".catch(e => done({error: String(e)}));",
                action,
                reason);
  }

  @Test
  void theItemListsWhoAddedItAndEveryAccess(Browser b) {
    byte[] shot = TestFiles.png(5_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    register(b, "Illegal gambling", shot);
    String download = b.find(By.cssSelector("#evidence a.dz-download")).getAttribute("href");
    assertEquals(200L, b.fetch(download).get("status"));

    b.find(By.cssSelector(".dz-custody-link")).click();

    assertTrue(b.find(By.id("sha256")).getText().equals(TestFiles.sha256(shot)));
    String added = b.find(By.id("added")).getText();
    assertTrue(
        added.contains("Aidana Seitkali") && added.contains("uploaded in the portal"), added);
    String custody = b.find(By.id("custody")).getText();
    assertTrue(custody.contains("Downloaded") && custody.contains("Aidana Seitkali"), custody);
    assertTrue(b.find(By.id("fixity")).getText().contains("matches its SHA-256"));
  }

  @Test
  void childAbuseMaterialOpensOnlyWithAReasonWhichTheCustodyShows(Browser b) {
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    register(
        b,
        "Child sexual abuse material",
        TestFiles.png(6_000_000 + ThreadLocalRandom.current().nextInt(1_000_000)));
    // No thumbnail, no direct download: the file's name leads to its item's page.
    assertTrue(b.all(By.cssSelector(".dz-thumb-img")).isEmpty());
    assertTrue(b.all(By.cssSelector("#evidence a.dz-download")).isEmpty());
    b.find(By.cssSelector("#evidence .dz-restricted-link")).click();
    assertFalse(b.present(By.id("download")));
    String action = b.find(By.id("downloadForm")).getAttribute("action");

    assertEquals(400L, post(b, action, " ").get("status"));
    Map<String, Object> opened = post(b, action, "Comparing with the report of 5 May");
    assertEquals(200L, opened.get("status"));
    assertEquals("image/png", opened.get("type"));

    b.driver().navigate().refresh();
    String custody = b.find(By.id("custody")).getText();
    assertTrue(
        custody.contains("Downloaded") && custody.contains("Comparing with the report of 5 May"),
        custody);
  }
}
