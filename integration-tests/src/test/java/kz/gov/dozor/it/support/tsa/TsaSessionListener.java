package kz.gov.dozor.it.support.tsa;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the tests' time-stamping authority and the fixture web site captures are tested on when
 * the test run starts (in the test JVM only, never in the server) and stops them when it ends.
 */
public class TsaSessionListener implements LauncherSessionListener {

  private static kz.gov.dozor.ejb.evidence.capture.FixtureSite site;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("test.tsa.keystore") != null) {
      TestTsa.up();
    }
    if (System.getProperty("test.fixture.port") != null && site == null) {
      try {
        site =
            new kz.gov.dozor.ejb.evidence.capture.FixtureSite(
                Integer.getInteger("test.fixture.port"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (System.getProperty("test.tsa.keystore") != null) {
      TestTsa.down();
    }
    if (site != null) {
      site.close();
      site = null;
    }
  }
}
