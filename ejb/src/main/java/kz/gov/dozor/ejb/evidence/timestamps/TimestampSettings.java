package kz.gov.dozor.ejb.evidence.timestamps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import kz.gov.dozor.ejb.platform.Settings;

/**
 * The configured time-stamping authority ({@code DOZOR_TSA_URL}, its certificate {@code
 * DOZOR_TSA_CERTIFICATE}, {@code DOZOR_TSA_TIMEOUT_SECONDS}) and how long to wait before asking
 * again ({@code DOZOR_TIMESTAMP_RETRY_SECONDS}, doubling up to {@code
 * DOZOR_TIMESTAMP_RETRY_MAX_SECONDS}). Without an address nothing is stamped and every timestamp
 * waits with that reason.
 */
@ApplicationScoped
public class TimestampSettings {

  @Produces
  @ApplicationScoped
  TimestampAuthority authority() {
    String url = Settings.get("dozor.tsa.url", "DOZOR_TSA_URL", null);
    if (url == null) {
      return new TimestampAuthority() {
        @Override
        public TimestampToken stamp(byte[] sha256) {
          throw new TimestampUnavailableException(
              "no time-stamping authority is configured (DOZOR_TSA_URL)", true, null);
        }

        @Override
        public String describe() {
          return "none";
        }
      };
    }
    long seconds =
        Long.parseLong(Settings.get("dozor.tsa.timeout", "DOZOR_TSA_TIMEOUT_SECONDS", "10"));
    return new Rfc3161Authority(URI.create(url), certificate(), Duration.ofSeconds(seconds));
  }

  private static X509Certificate certificate() {
    String file = Settings.get("dozor.tsa.certificate", "DOZOR_TSA_CERTIFICATE", null);
    if (file == null) {
      return null;
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot read the TSA certificate " + file, e);
    }
  }

  /** The wait after the {@code attempts}-th failure: doubling from the base, capped. */
  public Duration retryAfter(int attempts) {
    long base =
        Long.parseLong(
            Settings.get("dozor.timestamp.retry", "DOZOR_TIMESTAMP_RETRY_SECONDS", "60"));
    long max =
        Long.parseLong(
            Settings.get("dozor.timestamp.retry.max", "DOZOR_TIMESTAMP_RETRY_MAX_SECONDS", "3600"));
    long wait = base << Math.min(Math.max(attempts - 1, 0), 20);
    return Duration.ofSeconds(Math.max(1, Math.min(wait, max)));
  }
}
