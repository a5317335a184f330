package kz.gov.dozor.ejb.evidence.timestamps;

import java.time.Instant;

/**
 * An RFC 3161 token: {@code der} is the signed token (a CMS SignedData, as {@code openssl ts
 * -verify -token_in} reads it), {@code time} its genTime, {@code authority} the signer's
 * certificate subject.
 */
public record TimestampToken(byte[] der, Instant time, String serial, String authority) {

  public TimestampToken {
    der = der.clone();
  }

  @Override
  public byte[] der() {
    return der.clone();
  }
}
