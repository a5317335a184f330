package kz.gov.dozor.ejb.evidence.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import kz.gov.dozor.ejb.platform.Settings;

/**
 * Captures' configuration: the browser ({@code DOZOR_CHROMIUM}, Debian's {@code /usr/bin/chromium}
 * by default), how long a page may take to load ({@code DOZOR_CAPTURE_TIMEOUT_SECONDS}, 30) and how
 * many run at once over all nodes ({@code DOZOR_CAPTURE_CONCURRENCY}, 2).
 */
@ApplicationScoped
public class CaptureSettings {

  @Produces
  @ApplicationScoped
  PageBrowser browser() {
    return new ChromiumBrowser(
        Path.of(Settings.get("dozor.chromium", "DOZOR_CHROMIUM", "/usr/bin/chromium")));
  }

  public Duration timeout() {
    return Duration.ofSeconds(
        Math.max(
            1,
            Long.parseLong(
                Settings.get("dozor.capture.timeout", "DOZOR_CAPTURE_TIMEOUT_SECONDS", "30"))));
  }

  public int concurrency() {
    return Math.max(
        1,
        Integer.parseInt(
            Settings.get("dozor.capture.concurrency", "DOZOR_CAPTURE_CONCURRENCY", "2")));
  }
}
