package kz.gov.dozor.ejb.platform.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A signer whose key and certificate come from a PKCS#12 file (the first entry holding a private
 * key). The JDK's providers do the cryptography; BouncyCastle builds the CMS structure, so no
 * security provider is registered in the server.
 */
public final class Pkcs12Signer implements DetachedSigner {

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String algorithm;

  private Pkcs12Signer(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
    this.algorithm =
        switch (key.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "RSA" -> "SHA256withRSA";
          default ->
              throw new SigningUnavailableException(
                  "unsupported signing key algorithm " + key.getAlgorithm(), null);
        };
  }

  /** Reads the key and certificate from {@code file}, opened with {@code password}. */
  public static Pkcs12Signer load(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)
            && ks.getKey(alias, password) instanceof PrivateKey k
            && ks.getCertificate(alias) instanceof X509Certificate c) {
          return new Pkcs12Signer(k, c);
        }
      }
      throw new SigningUnavailableException("no private key in " + file, null);
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningUnavailableException("cannot read the signing key " + file, e);
    }
  }

  @Override
  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public Signature start() {
    try {
      CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      ByteArrayOutputStream signature = new ByteArrayOutputStream(4096);
      // Detached: what is written is digested and not copied into the signature.
      OutputStream content = generator.open(signature, false);
      byte[][] digest = new byte[1][];
      return new Signature() {
        @Override
        public OutputStream content() {
          return content;
        }

        @Override
        public byte[] finish() {
          try {
            content.close();
            CMSSignedData signed = new CMSSignedData(signature.toByteArray());
            // The content's digest as the signature states it (its signed attribute).
            digest[0] =
                ASN1OctetString.getInstance(
                        signed
                            .getSignerInfos()
                            .getSigners()
                            .iterator()
                            .next()
                            .getSignedAttributes()
                            .get(CMSAttributes.messageDigest)
                            .getAttrValues()
                            .getObjectAt(0))
                    .getOctets();
            // The generator writes BER; DER is what verifiers expect of a detached signature.
            return signed.getEncoded("DER");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (CMSException e) {
            throw new IllegalStateException("signature", e);
          }
        }

        @Override
        public byte[] digest() {
          if (digest[0] == null) {
            throw new IllegalStateException("the signature is not finished");
          }
          return digest[0].clone();
        }
      };
    } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
      throw new SigningUnavailableException("cannot start a signature", e);
    }
  }
}
