package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.EvidenceView;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.timestamps.TimestampToken;
import kz.gov.dozor.ejb.evidence.timestamps.TimestampTokens;
import kz.gov.dozor.ejb.evidence.timestamps.TimestampUnavailableException;
import kz.gov.dozor.ejb.evidence.timestamps.Timestamps;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.it.support.Commands;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.evidence.TrustedTimestamp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trusted timestamps in the real server, from the tests' own time-stamping authority (up for the
 * whole run, see TestTsa): evidence and the audit head are stamped; the tokens verify with
 * BouncyCastle and with {@code openssl ts -verify}, and not for other content.
 */
@ExtendWith(ArquillianExtension.class)
class TimestampsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(TimestampsIT.class);
  }

  @Inject Procedures given;
  @Inject Timestamps timestamps;
  @Inject EvidenceService evidence;
  @Inject EvidenceStore store;

  TestData db;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("tsinv", "afm", "investigator");
  }

  /** The certificate the test server trusts (DOZOR_TSA_CERTIFICATE, the server's environment). */
  private static Path certificateFile() {
    return Path.of(System.getenv("DOZOR_TSA_CERTIFICATE"));
  }

  private static X509Certificate certificate() throws Exception {
    try (InputStream in = Files.newInputStream(certificateFile())) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** Fetches what waits until {@code sha256}'s timestamp is there (at most 30 s). */
  private void awaitStamped(String sha256) throws Exception {
    Instant limit = Instant.now().plusSeconds(30);
    while (db.count(
            "select count(*) from trusted_timestamp where sha256 = ? and token is not null", sha256)
        == 0) {
      assertTrue(Instant.now().isBefore(limit), "no timestamp for " + sha256 + " within 30 s");
      timestamps.stampDue();
      Thread.sleep(200);
    }
  }

  @Test
  void evidenceIsStampedAndTheTokenVerifiesWithBouncyCastleAndOpenssl() throws Exception {
    // Arrange: a case with two screenshots.
    long caseId =
        given.registerCase(
            investigator, java.util.List.of(Procedures.uniqueUrl("ts")), "ILLEGAL_GAMBLING", 2);
    CaseDetails before = given.openCase(investigator, caseId);
    Instant registered = Instant.now();

    // Act
    for (EvidenceView e : before.evidence()) {
      awaitStamped(e.sha256());
    }

    // Assert: the case page's data says when; the token is of this content, by this authority.
    CaseDetails c = given.openCase(investigator, caseId);
    for (EvidenceView e : c.evidence()) {
      assertFalse(e.timestampWaiting(), e.fileName());
      assertTrue(
          Duration.between(e.timestamp().stampedAt(), registered).abs().toMinutes() < 2,
          "stamped at " + e.timestamp().stampedAt());
      EvidenceService.TimestampFile file =
          investigator.call(() -> evidence.timestampOf(e.id(), "127.0.0.1"));
      assertEquals(e.fileName() + ".tst", file.fileName());
      byte[] digest = HexFormat.of().parseHex(e.sha256());
      TimestampToken token = TimestampTokens.verify(file.token(), digest, certificate());
      assertEquals(e.timestamp().stampedAt(), token.time());
      assertTrue(
          token.authority().contains("Dozor time-stamping authority (tests)"), token.authority());

      // The same with openssl, as anyone holding the file, the token and the certificate can.
      Path dir = Files.createTempDirectory("ts");
      Path tst = Files.write(dir.resolve("token.tst"), file.token());
      String[] verify = {
        "openssl",
        "ts",
        "-verify",
        "-in",
        tst.toString(),
        "-token_in",
        "-data",
        store.pathOf(e.sha256()).toString(),
        "-CAfile",
        certificateFile().toString()
      };
      StringBuilder out = new StringBuilder();
      assertEquals(0, Commands.run(out, verify), out.toString());
      assertTrue(out.toString().contains("Verification: OK"), out.toString());

      // Other content: the token does not fit.
      Path other = Files.write(dir.resolve("other.png"), new byte[] {1, 2, 3});
      verify[7] = other.toString();
      StringBuilder failed = new StringBuilder();
      assertTrue(Commands.run(failed, verify) != 0, failed.toString());
      assertTrue(failed.toString().contains("Verification: FAILED"), failed.toString());
      byte[] otherDigest =
          java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
      assertThrows(
          TimestampUnavailableException.class,
          () -> TimestampTokens.verify(file.token(), otherDigest, certificate()));
    }
  }

  @Test
  void anotherOrganisationGetsNoToken() throws Exception {
    long caseId = given.registerCase(investigator, "ts-other");
    long evidenceId = given.openCase(investigator, caseId).evidence().get(0).id();
    awaitStamped(given.openCase(investigator, caseId).evidence().get(0).sha256());
    User officer = db.user("tsoff", "mci", "officer");

    assertThrows(
        AccessDeniedException.class,
        () -> officer.call(() -> evidence.timestampOf(evidenceId, "127.0.0.1")));
  }

  @Test
  void theAuditHeadIsStampedOncePerDay() throws Exception {
    // Arrange: the head moves (a case is registered), then today's stamp is asked for; whether a
    // stamp for today was asked for already by the daily timer, a moved head is not re-asked.
    given.registerCase(investigator, "ts-audit");
    db.update("delete from trusted_timestamp where subject = 'AUDIT_HEAD'");
    String head = ((String) db.single("select last_hash from audit_head")).strip();

    // Act
    assertTrue(timestamps.requestAuditHead());
    awaitStamped(head);

    // Assert
    TrustedTimestamp stamped = timestamps.latestAuditHead();
    assertNotNull(stamped);
    assertEquals(head, stamped.getSha256().strip());
    TimestampToken token =
        TimestampTokens.verify(stamped.getToken(), HexFormat.of().parseHex(head), certificate());
    assertEquals(stamped.getStampedAt(), token.time());
    assertArrayEquals(stamped.getToken(), token.der());
    // Once a day: asked again the same day, nothing new.
    given.registerCase(investigator, "ts-audit2");
    assertFalse(timestamps.requestAuditHead());
  }
}
