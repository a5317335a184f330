package kz.gov.dozor.ejb.platform;

import java.nio.file.Path;

/**
 * Configuration read from system properties or environment variables (the README lists them), with
 * defaults for a developer's machine.
 */
public final class Settings {

  private Settings() {}

  /**
   * A system property {@code name}, else the environment variable {@code env}, else the default.
   */
  public static String get(String name, String env, String defaultValue) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? defaultValue : v;
  }

  /** The portal's address as its users reach it, for links in e-mails. */
  public static String publicUrl() {
    String url = get("dozor.public.url", "DOZOR_PUBLIC_URL", "http://localhost:8080/dozor");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Where evidence files are kept: outside the web root, by default in the server's data dir. */
  public static Path evidenceDirectory() {
    String dataDir =
        System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
    return Path.of(get("dozor.evidence.dir", "DOZOR_EVIDENCE_DIR", dataDir + "/dozor-evidence"));
  }

  /**
   * Where uploaded import files wait for their job: like the evidence store, a directory every node
   * reaches.
   */
  public static Path importDirectory() {
    String dataDir =
        System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
    return Path.of(get("dozor.import.dir", "DOZOR_IMPORT_DIR", dataDir + "/dozor-imports"));
  }
}
