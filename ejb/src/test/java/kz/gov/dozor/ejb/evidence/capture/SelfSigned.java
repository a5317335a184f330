package kz.gov.dozor.ejb.evidence.capture;

import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import kz.gov.dozor.ejb.platform.signing.SelfSignedKeys;

/** A TLS server context with a fresh self-signed certificate, for the https fixture site. */
final class SelfSigned {

  private SelfSigned() {}

  static SSLContext context(String subject) throws Exception {
    char[] password = "fixture".toCharArray();
    KeyStore ks = SelfSignedKeys.keyStore(subject, "fixture", password);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }
}
