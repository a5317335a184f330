package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Commands;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.tsa.TestTsa;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The time-stamping authority down, then up again, as the investigator sees it on the case page:
 * the evidence is kept and waits; once the authority answers it is stamped, and the token the page
 * offers verifies with {@code openssl ts -verify} against the screenshot.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class TimestampsBrowserIT {

  @Test
  void evidenceWaitsWhileTheAuthorityIsDownAndIsStampedWhenItIsBack(Browser b) throws Exception {
    // Arrange: content no other test has, so it has no timestamp yet.
    byte[] shot = TestFiles.png(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    TestTsa.down();
    try {
      // Act: registered while the authority is unreachable.
      new NewCasePage(b)
          .url(0, Procedures.uniqueUrl("tsa-down"))
          .category("Illegal gambling")
          .detectedHoursAgo(1)
          .description("Casino registered while the time-stamping authority is down.")
          .attach("lobby.png", shot)
          .register();

      // Assert: kept, and shown as waiting once the portal has tried.
      assertTrue(b.pageText().contains(TestFiles.sha256(shot)), "the evidence is kept");
      reloadUntil(
          b, () -> b.pageText().matches("(?s).*Waiting for a timestamp \\([1-9]\\d* attempts.*"));
      assertFalse(b.present(By.cssSelector(".dz-timestamp-token")), "no token yet");
    } finally {
      TestTsa.up();
    }

    // Act: the authority is back; the portal asks again by itself.
    reloadUntil(b, () -> b.present(By.cssSelector(".dz-timestamp-token")));

    // Assert: the token downloads from the page and verifies against the screenshot.
    assertFalse(b.pageText().contains("Waiting for a timestamp"));
    String href = b.find(By.cssSelector(".dz-timestamp-token")).getAttribute("href");
    Map<String, Object> token = b.download(href);
    assertEquals(200L, ((Number) token.get("status")).longValue());
    assertEquals("application/octet-stream", token.get("type"));
    assertTrue(String.valueOf(token.get("disposition")).startsWith("attachment;"));
    assertTrue(String.valueOf(token.get("disposition")).contains("lobby.png.tst"));
    Path dir = Files.createTempDirectory("tsa-browser");
    Path tst =
        Files.write(
            dir.resolve("lobby.png.tst"), Base64.getDecoder().decode((String) token.get("body")));
    Path png = Files.write(dir.resolve("lobby.png"), shot);
    StringBuilder out = new StringBuilder();
    int status =
        Commands.run(
            out,
            "openssl",
            "ts",
            "-verify",
            "-in",
            tst.toString(),
            "-token_in",
            "-data",
            png.toString(),
            "-CAfile",
            TestTsa.certificateFile().toString());
    assertEquals(0, status, out.toString());
    assertTrue(out.toString().contains("Verification: OK"), out.toString());
  }

  /** Reloads the page until {@code condition} holds (at most 60 s). */
  private static void reloadUntil(Browser b, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(60), Duration.ofSeconds(2))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.navigate().refresh();
              b.find(By.id("registrationNumber"));
              return condition.getAsBoolean();
            });
  }
}
