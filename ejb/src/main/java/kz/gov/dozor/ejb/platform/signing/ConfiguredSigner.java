package kz.gov.dozor.ejb.platform.signing;

import java.nio.file.Path;
import kz.gov.dozor.ejb.platform.Settings;

/**
 * An organisation's signing key named by configuration: a PKCS#12 file ({@code <name>.keystore} or
 * {@code <ENV>_KEYSTORE}) opened with a password ({@code <name>.password} or {@code
 * <ENV>_PASSWORD}), on a disk every node reads. Read once per node, on first use.
 */
public final class ConfiguredSigner {

  private final String property;
  private final String env;
  private volatile DetachedSigner signer;

  /** E.g. {@code ("dozor.registry.signing", "DOZOR_REGISTRY_SIGNING")}. */
  public ConfiguredSigner(String property, String env) {
    this.property = property;
    this.env = env;
  }

  /**
   * The signer.
   *
   * @throws SigningUnavailableException when no key is configured or it cannot be read
   */
  public DetachedSigner signer() {
    DetachedSigner s = signer;
    if (s == null) {
      synchronized (this) {
        if (signer == null) {
          signer = load();
        }
        s = signer;
      }
    }
    return s;
  }

  private DetachedSigner load() {
    String file = Settings.get(property + ".keystore", env + "_KEYSTORE", null);
    if (file == null) {
      throw new SigningUnavailableException("no signing key: set " + env + "_KEYSTORE", null);
    }
    String password = Settings.get(property + ".password", env + "_PASSWORD", "");
    return Pkcs12Signer.load(Path.of(file), password.toCharArray());
  }
}
