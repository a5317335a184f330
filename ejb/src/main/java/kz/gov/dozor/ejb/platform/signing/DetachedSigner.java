package kz.gov.dozor.ejb.platform.signing;

import java.io.OutputStream;
import java.security.cert.X509Certificate;

/**
 * Signs content of any size as it is written: a detached CMS signature (PKCS#7, DER) that {@code
 * openssl cms -verify -binary -inform DER -content FILE} checks against the signer's certificate.
 */
public interface DetachedSigner {

  /** Starts one signature. */
  Signature start();

  /** The certificate a verifier checks the signatures with. */
  X509Certificate certificate();

  /** One signature under way: the content is written to {@link #content()}, then finished. */
  interface Signature {

    /** Takes the signed content; it is digested, not kept. */
    OutputStream content();

    /** The detached signature of everything written, DER-encoded. */
    byte[] finish();

    /** The SHA-256 of everything written, as the signature states it; after {@link #finish()}. */
    byte[] digest();
  }
}
