package kz.gov.dozor.ejb.evidence.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a capture of a page found: the screenshot of the whole page (PNG) and the rendered HTML as
 * files, and the exchange: the address asked for, each redirect, the final address, the HTTP status
 * and response headers, the address the page came from, the TLS connection and certificate chain
 * (https), the browser and when.
 */
public record PageCapture(
    String requestedUrl,
    List<String> redirects,
    String finalUrl,
    int status,
    String statusText,
    Map<String, String> headers,
    String remoteAddress,
    Integer remotePort,
    String protocol,
    Tls tls,
    String browserVersion,
    String userAgent,
    Instant startedAt,
    Instant finishedAt,
    Path screenshot,
    int screenshotWidth,
    int screenshotHeight,
    Path html) {

  /** The TLS connection: protocol, cipher, the server certificate's names and the chain (PEM). */
  public record Tls(
      String protocol,
      String cipher,
      String subject,
      String issuer,
      Instant validFrom,
      Instant validTo,
      List<String> chainPem) {}
}
