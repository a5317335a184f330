package kz.gov.dozor.ejb.evidence.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chromium driver against a fixture site on 127.0.0.1 (allowed for the test, as an
 * administrator would): a long page, a redirect, a slow page, a 404, refused targets. Needs
 * Debian's chromium, as the build machine has.
 */
class ChromiumBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static FixtureSite site;

  @TempDir Path work;

  private final ChromiumBrowser browser = new ChromiumBrowser(CHROMIUM);
  private final TargetPolicy fixtureAllowed = new TargetPolicy(List.of("127.0.0.1"));

  @BeforeAll
  static void start() throws Exception {
    site = new FixtureSite(0);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private PageCapture capture(String path, TargetPolicy policy, int seconds) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    return browser.capture(URI.create(site.url(path)), policy, Duration.ofSeconds(seconds), work);
  }

  @Test
  void aLongPageIsCapturedWholeWithItsExchange() throws Exception {
    PageCapture c = capture("/long", fixtureAllowed, 20);

    assertThat(c.status()).isEqualTo(200);
    assertThat(c.finalUrl()).isEqualTo(site.url("/long"));
    // Header names as the server sent them (the JDK server writes "X-fixture").
    assertThat(c.headers()).containsEntry("X-fixture", "dozor");
    assertThat(c.remoteAddress()).isEqualTo("127.0.0.1");
    assertThat(c.browserVersion()).startsWith("Chrome/");
    assertThat(c.tls()).isNull();
    BufferedImage png = ImageIO.read(c.screenshot().toFile());
    assertThat(png.getHeight()).isGreaterThan(ChromiumBrowser.HEIGHT).isGreaterThanOrEqualTo(6000);
    assertThat(png.getWidth()).isEqualTo(ChromiumBrowser.WIDTH);
    assertThat(Files.readString(c.html())).contains("Казино «Қазына»").contains("Row 59");
  }

  @Test
  void overHttpsTheTlsConnectionAndCertificateChainAreRecorded() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    try (FixtureSite secure = FixtureSite.https(0, SelfSigned.context("CN=casino.fixture"))) {
      PageCapture c =
          browser.capture(
              URI.create(secure.url("/long")), fixtureAllowed, Duration.ofSeconds(20), work);

      assertThat(c.status()).isEqualTo(200);
      assertThat(c.tls()).isNotNull();
      assertThat(c.tls().protocol()).startsWith("TLS");
      assertThat(c.tls().subject()).contains("casino.fixture");
      assertThat(c.tls().chainPem()).isNotEmpty();
      assertThat(c.tls().chainPem().get(0)).startsWith("-----BEGIN CERTIFICATE-----");
    }
  }

  @Test
  void withoutTheBrowserCaptureIsUnavailableWithTheReason() {
    ChromiumBrowser none = new ChromiumBrowser(Path.of("/nonexistent/chromium"));
    assertThat(none.unavailable()).contains("/nonexistent/chromium").contains("DOZOR_CHROMIUM");
    assertThatThrownBy(
            () ->
                none.capture(
                    URI.create("https://example.org/"),
                    fixtureAllowed,
                    Duration.ofSeconds(5),
                    work))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("no browser");
  }

  @Test
  void aRedirectIsFollowedAndRecorded() throws Exception {
    PageCapture c = capture("/redirect", fixtureAllowed, 20);

    assertThat(c.redirects()).containsExactly(site.url("/redirect"));
    assertThat(c.finalUrl()).isEqualTo(site.url("/long"));
    assertThat(c.status()).isEqualTo(200);
  }

  @Test
  void aMissingPageIsCapturedWithItsStatus() throws Exception {
    PageCapture c = capture("/nothing-here", fixtureAllowed, 20);

    assertThat(c.status()).isEqualTo(404);
    assertThat(Files.readString(c.html())).contains("Not here");
  }

  @Test
  void aSlowPageFailsAfterTheTimeoutWithAReason() {
    assertThatThrownBy(() -> capture("/slow", fixtureAllowed, 2))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("within 2 s");
  }

  @Test
  void internalAddressesAreRefusedUnlessAllowed() {
    TargetPolicy nothingAllowed = new TargetPolicy(List.of());
    assertThatThrownBy(() -> capture("/long", nothingAllowed, 20))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("127.0.0.1")
        .hasMessageContaining("internal address");
    assertThatThrownBy(
            () ->
                browser.capture(
                    URI.create("http://169.254.169.254/latest/meta-data/"),
                    fixtureAllowed,
                    Duration.ofSeconds(5),
                    work))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("169.254.169.254");
    assertThatThrownBy(
            () ->
                browser.capture(
                    URI.create("file:///etc/passwd"), fixtureAllowed, Duration.ofSeconds(5), work))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("only http and https");
  }

  @Test
  void aRedirectIntoAnInternalAddressIsRefused() {
    assertThatThrownBy(() -> capture("/to-metadata", fixtureAllowed, 20))
        .isInstanceOf(CaptureFailedException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("169.254.169.254");
  }
}
