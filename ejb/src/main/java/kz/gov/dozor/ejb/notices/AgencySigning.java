package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.ApplicationScoped;
import kz.gov.dozor.ejb.platform.signing.ConfiguredSigner;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;
import kz.gov.dozor.ejb.platform.signing.SigningUnavailableException;

/**
 * The agency's signing key for notification packages: a PKCS#12 file named by configuration ({@code
 * DOZOR_AGENCY_SIGNING_KEYSTORE}, {@code DOZOR_AGENCY_SIGNING_PASSWORD}).
 */
@ApplicationScoped
public class AgencySigning {

  private final ConfiguredSigner key =
      new ConfiguredSigner("dozor.agency.signing", "DOZOR_AGENCY_SIGNING");

  /**
   * The signer.
   *
   * @throws SigningUnavailableException when no key is configured or it cannot be read
   */
  public DetachedSigner signer() {
    return key.signer();
  }
}
