package kz.gov.dozor.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The test build's settings ({@code dozor.*} system properties of the test JVM) carried into the
 * in-server test deployment, so that a test running in the server can call the portal and Keycloak
 * as a client would.
 */
public final class TestConfig {

  static final String RESOURCE = "dozor-it.properties";

  private TestConfig() {}

  /** The test JVM's settings, as the deployment carries them. */
  static String snapshot() {
    Properties p = new Properties();
    System.getProperties()
        .forEach(
            (k, v) -> {
              if (String.valueOf(k).startsWith("dozor.")) {
                p.setProperty(String.valueOf(k), String.valueOf(v));
              }
            });
    StringWriter w = new StringWriter();
    try {
      p.store(w, "dozor test settings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * In the server: makes the carried settings system properties (those not set already). Call it
   * before the first use of {@link Browser} or {@link KeycloakAdmin}.
   */
  public static void adopt() {
    try (InputStream in = TestConfig.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return;
      }
      Properties p = new Properties();
      p.load(in);
      p.forEach((k, v) -> System.getProperties().putIfAbsent(k, v));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
