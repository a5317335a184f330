package kz.gov.dozor.it.support.tsa;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the tests' time-stamping authority when the test run starts (in the test JVM only, never
 * in the server) and stops it when the run ends.
 */
public class TsaSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("test.tsa.keystore") != null) {
      TestTsa.up();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (System.getProperty("test.tsa.keystore") != null) {
      TestTsa.down();
    }
  }
}
