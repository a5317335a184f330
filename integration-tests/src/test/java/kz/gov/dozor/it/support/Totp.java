package kz.gov.dozor.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 with HMAC-SHA1, 6 digits, 30 s), as the realm's OTP
 * policy and an authenticator app compute them, for the demo users who must give one.
 *
 * <p>Keycloak refuses a code that the same user has already used while it is valid. The realm
 * accepts the codes of the current and the next period (look-ahead window 1), so {@link #freshCode}
 * hands out the current code, else the next one, and only when both were used waits for the next
 * period: a user can sign in twice within one period without waiting.
 */
public final class Totp {

  static final int DIGITS = 6;
  static final long PERIOD_SECONDS = 30;

  private static final Map<String, Set<String>> USED = new HashMap<>();
  private static Properties demoSecrets;

  private Totp() {}

  /** The code of the period holding {@code at}, for a Base32 secret. */
  public static String code(String base32Secret, Instant at) {
    return codeForCounter(base32Decode(base32Secret), at.getEpochSecond() / PERIOD_SECONDS);
  }

  static String codeForCounter(byte[] key, long counter) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A code the realm will accept for {@code username} now and that this test run has not used for
   * them yet; waits for the next period only when the current and the next code were used.
   */
  public static synchronized String freshCode(String username, String base32Secret) {
    Set<String> used = USED.computeIfAbsent(username, u -> new HashSet<>());
    while (true) {
      Instant now = Clock.systemUTC().instant();
      long counter = now.getEpochSecond() / PERIOD_SECONDS;
      long secondsLeft = PERIOD_SECONDS - now.getEpochSecond() % PERIOD_SECONDS;
      byte[] key = base32Decode(base32Secret);
      String current = codeForCounter(key, counter);
      // The next period's code is valid now and stays valid for a whole period more.
      String next = codeForCounter(key, counter + 1);
      String chosen = !used.contains(current) && secondsLeft > 3 ? current : next;
      if (!used.contains(chosen)) {
        used.add(chosen);
        return chosen;
      }
      pause(Duration.ofSeconds(secondsLeft).plusMillis(200));
    }
  }

  /** A code that is none of those the realm accepts for this secret now. */
  public static String wrongCode(String base32Secret) {
    long counter = Instant.now().getEpochSecond() / PERIOD_SECONDS;
    byte[] key = base32Decode(base32Secret);
    Set<String> valid = new HashSet<>();
    for (long c = counter - 2; c <= counter + 2; c++) {
      valid.add(codeForCounter(key, c));
    }
    for (int candidate = 0; ; candidate++) {
      String code = String.format(Locale.ROOT, "%06d", (candidate * 7919 + 123456) % 1_000_000);
      if (!valid.contains(code)) {
        return code;
      }
    }
  }

  /**
   * The Base32 TOTP secret of a demo user from {@code
   * wildfly-config/keycloak/demo-totp.properties}, or null for a user without one.
   */
  public static synchronized String demoSecret(String username) {
    if (demoSecrets == null) {
      Path file =
          Path.of(
              System.getProperty(
                  "dozor.demo.totp.file", "../wildfly-config/keycloak/demo-totp.properties"));
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      demoSecrets = p;
    }
    return demoSecrets.getProperty(username);
  }

  /** RFC 4648 Base32 (no padding needed). */
  static byte[] base32Decode(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String s = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (char ch : s.toCharArray()) {
      int value = alphabet.indexOf(ch);
      if (value < 0) {
        throw new IllegalArgumentException("not Base32: " + text);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  /** RFC 4648 Base32 without padding. */
  public static String base32Encode(byte[] data) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
