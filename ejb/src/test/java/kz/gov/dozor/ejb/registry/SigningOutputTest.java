package kz.gov.dozor.ejb.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import kz.gov.dozor.ejb.platform.signing.Pkcs12Signer;
import kz.gov.dozor.ejb.platform.signing.SigningUnavailableException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningOutputTest {

  @TempDir Path dir;

  private Path keystore(String password) throws Exception {
    KeyStore ks =
        kz.gov.dozor.ejb.platform.signing.SelfSignedKeys.keyStore(
            "CN=Test registry", "signing", password.toCharArray());
    Path file = dir.resolve("signing.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password.toCharArray());
    }
    return file;
  }

  private static boolean verifies(byte[] content, byte[] signature, X509Certificate cert)
      throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
      return false;
    }
  }

  @Test
  void signsWhatPassesHoldsTheLastBytesBackAndTheSignatureFailsOnAChangedByte() throws Exception {
    Pkcs12Signer signer = Pkcs12Signer.load(keystore("secret"), "secret".toCharArray());
    byte[] content = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream client = new ByteArrayOutputStream();
    SigningOutput out = new SigningOutput(client, signer.start());
    out.write(content, 0, 60_000);
    out.write(content, 60_000, 40_000);
    out.flush();
    // The client has not got the whole export before its signature exists.
    assertThat(client.size()).isLessThan(content.length);
    byte[] signature = out.sign();
    String sha = out.sha256();
    out.release();
    assertThat(client.toByteArray()).isEqualTo(content);
    assertThat(out.bytes()).isEqualTo(content.length);
    assertThat(sha)
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));

    assertThat(verifies(content, signature, signer.certificate())).isTrue();
    byte[] changed = content.clone();
    changed[5_000] ^= 1;
    assertThat(verifies(changed, signature, signer.certificate())).isFalse();
  }

  @Test
  void aMissingOrWrongKeyIsReportedNotIgnored() throws Exception {
    Path file = keystore("secret");
    assertThatThrownBy(() -> Pkcs12Signer.load(file, "wrong".toCharArray()))
        .isInstanceOf(SigningUnavailableException.class);
    assertThatThrownBy(() -> Pkcs12Signer.load(dir.resolve("none.p12"), "x".toCharArray()))
        .isInstanceOf(SigningUnavailableException.class);
  }
}
