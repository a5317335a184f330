package kz.gov.dozor.ejb.evidence.capture;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A browser the server drives to capture a page (Chromium today). */
public interface PageBrowser {

  /** Why pages cannot be captured on this node (no browser installed, say), or null if they can. */
  String unavailable();

  /**
   * Loads {@code url} within {@code timeout}, every request checked by {@code policy}, and writes
   * the screenshot and HTML into {@code workDir}.
   *
   * @throws CaptureFailedException with a reason for people: refused target, no answer in time,
   *     unreachable host, the browser failing
   */
  PageCapture capture(URI url, TargetPolicy policy, Duration timeout, Path workDir)
      throws CaptureFailedException;
}
