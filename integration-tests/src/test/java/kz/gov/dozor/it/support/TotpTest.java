package kz.gov.dozor.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238, appendix B (SHA-1 key "12345678901234567890"), last six of the eight digits. */
  @Test
  void computesTheCodesOfRfc6238() {
    String secret = Totp.base32Encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret);
    assertEquals("287082", Totp.code(secret, Instant.ofEpochSecond(59)));
    assertEquals("081804", Totp.code(secret, Instant.ofEpochSecond(1111111109)));
    assertEquals("050471", Totp.code(secret, Instant.ofEpochSecond(1111111111)));
    assertEquals("005924", Totp.code(secret, Instant.ofEpochSecond(1234567890)));
    assertEquals("279037", Totp.code(secret, Instant.ofEpochSecond(2000000000)));
  }

  @Test
  void aFreshCodeIsNeverHandedOutTwiceForTheSameUser() {
    String secret = Totp.base32Encode("dozor-totp-test-user".getBytes(StandardCharsets.US_ASCII));
    String first = Totp.freshCode("someone", secret);
    String second = Totp.freshCode("someone", secret);
    assertNotEquals(first, second);
  }

  @Test
  void theWrongCodeIsNoneOfTheValidOnes() {
    String secret = Totp.base32Encode("dozor-totp-test-user".getBytes(StandardCharsets.US_ASCII));
    String wrong = Totp.wrongCode(secret);
    Instant now = Instant.now();
    for (int step = -1; step <= 1; step++) {
      assertNotEquals(Totp.code(secret, now.plusSeconds(30L * step)), wrong);
    }
  }
}
