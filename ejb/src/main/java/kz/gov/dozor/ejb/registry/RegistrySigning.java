package kz.gov.dozor.ejb.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import kz.gov.dozor.ejb.platform.Settings;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;
import kz.gov.dozor.ejb.platform.signing.Pkcs12Signer;
import kz.gov.dozor.ejb.platform.signing.SigningUnavailableException;

/**
 * The ministry's signing key for registry exports: a PKCS#12 file named by configuration ({@code
 * DOZOR_REGISTRY_SIGNING_KEYSTORE}, {@code DOZOR_REGISTRY_SIGNING_PASSWORD}), on a disk every node
 * reads. Read once per node, on the first export.
 */
@ApplicationScoped
public class RegistrySigning {

  private volatile DetachedSigner signer;

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

  private static DetachedSigner load() {
    String file =
        Settings.get("dozor.registry.signing.keystore", "DOZOR_REGISTRY_SIGNING_KEYSTORE", null);
    if (file == null) {
      throw new SigningUnavailableException(
          "no registry signing key: set DOZOR_REGISTRY_SIGNING_KEYSTORE", null);
    }
    String password =
        Settings.get("dozor.registry.signing.password", "DOZOR_REGISTRY_SIGNING_PASSWORD", "");
    return Pkcs12Signer.load(Path.of(file), password.toCharArray());
  }
}
