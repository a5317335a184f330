package kz.gov.dozor.ejb.evidence.timestamps;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Reading and checking RFC 3161 tokens (BouncyCastle, the JDK's providers). */
public final class TimestampTokens {

  private TimestampTokens() {}

  /**
   * Checks that {@code der} is a token over the SHA-256 {@code sha256}, signed by {@code trusted}
   * (or, when null, by the certificate the token carries) with a certificate meant for time
   * stamping; returns what it says.
   *
   * @throws TimestampUnavailableException when it does not check out
   */
  public static TimestampToken verify(byte[] der, byte[] sha256, X509Certificate trusted) {
    try {
      TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
      return verify(token, sha256, trusted);
    } catch (IOException | CMSException | TSPException | IllegalArgumentException e) {
      throw new TimestampUnavailableException(
          "not a time-stamp token: " + e.getMessage(), false, e);
    }
  }

  static TimestampToken verify(TimeStampToken token, byte[] sha256, X509Certificate trusted) {
    var info = token.getTimeStampInfo();
    if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
      throw new TimestampUnavailableException(
          "the token is not of a SHA-256 digest: " + info.getMessageImprintAlgOID(), false, null);
    }
    if (!MessageDigest.isEqual(info.getMessageImprintDigest(), sha256)) {
      throw new TimestampUnavailableException(
          "the token is of another digest than the one asked for", false, null);
    }
    X509CertificateHolder signer = signerOf(token, trusted);
    try {
      // Checks the signature, the certificate's validity at genTime and that it is meant for time
      // stamping (extended key usage timeStamping, critical).
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
      return new TimestampToken(
          token.getEncoded(),
          info.getGenTime().toInstant(),
          info.getSerialNumber().toString(),
          signer.getSubject().toString());
    } catch (TSPException | OperatorCreationException | CertificateException | IOException e) {
      throw new TimestampUnavailableException(
          "the token's signature does not verify: " + e.getMessage(), false, e);
    }
  }

  private static X509CertificateHolder signerOf(TimeStampToken token, X509Certificate trusted) {
    try {
      if (trusted != null) {
        X509CertificateHolder holder = new JcaX509CertificateHolder(trusted);
        if (!token.getSID().match(holder)) {
          throw new TimestampUnavailableException(
              "the token is signed by another authority than the configured one ("
                  + holder.getSubject()
                  + ")",
              false,
              null);
        }
        return holder;
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
      if (certs.isEmpty()) {
        throw new TimestampUnavailableException(
            "the token carries no certificate of its signer", false, null);
      }
      return certs.iterator().next();
    } catch (CertificateException e) {
      throw new TimestampUnavailableException("unreadable certificate", false, e);
    }
  }
}
