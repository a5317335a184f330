package kz.gov.dozor.ejb.evidence.timestamps;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A time-stamping authority reached over HTTP (RFC 3161, section 3.4): a request with a fresh nonce
 * and a request for the signer's certificate; the answer is checked against the request (status,
 * digest, nonce) and its signature against the configured certificate before it is kept.
 */
public final class Rfc3161Authority implements TimestampAuthority {

  private static final int MAX_REPLY = 1024 * 1024;

  private final URI uri;
  private final X509Certificate trusted;
  private final Duration timeout;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param trusted the authority's certificate; null takes the certificate the token carries (the
   *     signature is still checked, but not who made it)
   */
  public Rfc3161Authority(URI uri, X509Certificate trusted, Duration timeout) {
    this.uri = uri;
    this.trusted = trusted;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String describe() {
    return uri.toString();
  }

  @Override
  public TimestampToken stamp(byte[] sha256) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    TimeStampRequest request =
        generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(63, random));
    byte[] reply = exchange(request);
    try {
      TimeStampResponse response = new TimeStampResponse(reply);
      int status = response.getStatus();
      if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
        throw new TimestampUnavailableException(
            "the authority refused: status "
                + status
                + (response.getStatusString() == null ? "" : " " + response.getStatusString())
                + (response.getFailInfo() == null
                    ? ""
                    : " (failure " + response.getFailInfo().intValue() + ")"),
            false,
            null);
      }
      // Same digest and nonce as asked, a token present.
      response.validate(request);
      return TimestampTokens.verify(response.getTimeStampToken(), sha256, trusted);
    } catch (TSPException | IOException | IllegalArgumentException e) {
      throw new TimestampUnavailableException(
          "the authority's answer does not check out: " + e.getMessage(), false, e);
    }
  }

  private byte[] exchange(TimeStampRequest request) {
    try {
      HttpRequest post =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/timestamp-query")
              .header("Accept", "application/timestamp-reply")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
              .build();
      HttpResponse<InputStream> res = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = res.body()) {
        if (res.statusCode() != 200) {
          throw new TimestampUnavailableException(
              "the authority " + uri + " answered HTTP " + res.statusCode(), true, null);
        }
        byte[] bytes = body.readNBytes(MAX_REPLY + 1);
        if (bytes.length > MAX_REPLY) {
          throw new TimestampUnavailableException(
              "the authority's answer is too large", false, null);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new TimestampUnavailableException(
          "the authority " + uri + " cannot be reached: " + reason(e), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimestampUnavailableException("interrupted", true, e);
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
