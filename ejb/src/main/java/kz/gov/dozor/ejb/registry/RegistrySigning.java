package kz.gov.dozor.ejb.registry;

import jakarta.enterprise.context.ApplicationScoped;
import kz.gov.dozor.ejb.platform.signing.ConfiguredSigner;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;
import kz.gov.dozor.ejb.platform.signing.SigningUnavailableException;

/**
 * The ministry's signing key for registry exports: a PKCS#12 file named by configuration ({@code
 * DOZOR_REGISTRY_SIGNING_KEYSTORE}, {@code DOZOR_REGISTRY_SIGNING_PASSWORD}).
 */
@ApplicationScoped
public class RegistrySigning {

  private final ConfiguredSigner key =
      new ConfiguredSigner("dozor.registry.signing", "DOZOR_REGISTRY_SIGNING");

  /**
   * The signer.
   *
   * @throws SigningUnavailableException when no key is configured or it cannot be read
   */
  public DetachedSigner signer() {
    return key.signer();
  }
}
