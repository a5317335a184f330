package kz.gov.dozor.it.support.tsa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import kz.gov.dozor.tsa.LocalTimestampAuthority;

/**
 * The tests' time-stamping authority: the local one, in the test JVM, on {@code test.tsa.port} with
 * the key the test build made ({@code test.tsa.keystore}); the test server's {@code DOZOR_TSA_URL}
 * names it. Up from the start of the run (the session listener) so that evidence gets stamped; a
 * test takes it down to see the portal cope, and brings it up again.
 */
public final class TestTsa {

  private static LocalTimestampAuthority tsa;

  private TestTsa() {}

  public static synchronized LocalTimestampAuthority instance() {
    if (tsa == null) {
      try {
        tsa =
            LocalTimestampAuthority.fromKeystore(
                Path.of(System.getProperty("test.tsa.keystore")),
                "test-tsa-password".toCharArray(),
                "127.0.0.1",
                Integer.getInteger("test.tsa.port", 3318));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tsa;
  }

  public static void up() {
    try {
      instance().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void down() {
    instance().stop();
  }

  /** The authority's certificate file (PEM), for {@code openssl ts -verify -CAfile}. */
  public static Path certificateFile() {
    return Path.of(System.getProperty("test.tsa.certificate"));
  }
}
