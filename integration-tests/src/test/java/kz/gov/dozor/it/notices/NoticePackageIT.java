package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.EvidenceView;
import kz.gov.dozor.ejb.evidence.EvidenceDamagedException;
import kz.gov.dozor.ejb.evidence.timestamps.Timestamps;
import kz.gov.dozor.ejb.notices.NoticeDocument;
import kz.gov.dozor.ejb.notices.NoticePackageContent;
import kz.gov.dozor.ejb.notices.NoticePackageZip;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Commands;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification as documents, in the real server: the official letter (PDF) in Kazakh and in
 * Russian, and the notification package verified as the ministry, a court or a provider would
 * offline: {@code openssl cms -verify} of the manifest, {@code sha256sum -c} of the files, {@code
 * openssl ts -verify} of each timestamp; one changed byte fails them.
 */
@ExtendWith(ArquillianExtension.class)
class NoticePackageIT {

  /** The letters of the Kazakh alphabet that Russian lacks. */
  private static final String KAZAKH = "Қ Ә Ғ Ү Ұ Ө Һ І Ң қ ә ғ ү ұ ө һ і ң";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(NoticePackageIT.class);
  }

  @Inject Procedures given;
  @Inject NoticeService notices;
  @Inject Timestamps timestamps;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("pkinv", "afm", "investigator");
    supervisor = db.user("pksup", "afm", "supervisor");
    officer = db.user("pkoff", "mci", "officer");
  }

  /** A signed-off notification of a new case with two screenshots, its letter in {@code lang}. */
  private long signedOff(String lang, String category, String justification) throws Exception {
    CaseDetails c =
        given.blockingCase(
            investigator,
            List.of(Procedures.uniqueUrl("pkg"), Procedures.uniqueUrl("pkg")),
            2,
            category);
    // The screenshots' timestamps first, as they are when the TSA answers promptly.
    Instant limit = Instant.now().plusSeconds(30);
    for (EvidenceView e : c.evidence()) {
      while (db.count(
              "select count(*) from trusted_timestamp where sha256 = ? and token is not null",
              e.sha256())
          == 0) {
        assertTrue(Instant.now().isBefore(limit), "no timestamp within 30 s");
        timestamps.stampDue();
        Thread.sleep(200);
      }
    }
    long notice =
        investigator.call(
            () ->
                notices.submit(
                    c.id(),
                    c.resources().stream().map(r -> r.id()).toList(),
                    null,
                    Procedures.GAMBLING_LAW,
                    justification,
                    c.evidence().stream().map(e -> e.id()).toList(),
                    lang));
    given.signOff(supervisor, notice, "OK");
    return notice;
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theLetterIsAPdfInKazakhOrRussianWithTheResourcesAndTheEvidence() throws Exception {
    long kk = signedOff("kk", "ILLEGAL_GAMBLING", "Сайт заңсыз ойын ұйымдастырады: " + KAZAKH);
    long ru = signedOff("ru", "ILLEGAL_GAMBLING", "Сайт организует незаконные азартные игры.");

    NoticeDocument letter = officer.call(() -> notices.letter(kk));
    var details = officer.call(() -> notices.open(kk));
    assertEquals(details.outgoingNumber() + ".pdf", letter.fileName());
    assertEquals("application/pdf", letter.mediaType());
    String kazakh = text(letter.content());
    assertTrue(kazakh.contains("Қазақстан Республикасының Қаржылық мониторинг агенттігі"), kazakh);
    assertTrue(kazakh.contains("Мәдениет және ақпарат министрлігі"), kazakh);
    assertTrue(kazakh.contains("Интернет-ресурстарға қолжетімділікті шектеу"), kazakh);
    assertTrue(kazakh.contains(KAZAKH), "every Kazakh letter shows: " + kazakh);
    assertTrue(kazakh.contains(details.outgoingNumber()), kazakh);
    assertTrue(kazakh.contains(Procedures.GAMBLING_LAW), kazakh);
    for (var item : details.resources()) {
      assertTrue(kazakh.contains(item.url()), item.url());
    }
    for (var e : details.evidence()) {
      assertTrue(kazakh.contains(e.sha256()), "the evidence's SHA-256: " + kazakh);
    }
    assertTrue(
        kazakh.matches("(?s).*Уақыт белгісі: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d UTC.*"),
        kazakh);

    String russian = text(officer.call(() -> notices.letter(ru)).content());
    assertTrue(
        russian.contains("Агентство Республики Казахстан по финансовому мониторингу"), russian);
    assertTrue(
        russian.contains("Уведомление о необходимости ограничения доступа к интернет-ресурсам"),
        russian);
    assertTrue(russian.contains("Метка времени:"), russian);
    assertTrue(!russian.contains("Уақыт белгісі"), russian);
  }

  @Test
  void thePackageVerifiesOfflineAndOneChangedByteFailsIt() throws Exception {
    long notice = signedOff("ru", "ILLEGAL_GAMBLING", "Незаконное казино.");

    // Act: the ministry's officer exports the package.
    NoticePackageContent content =
        officer.call(() -> notices.exportPackage(notice, null, "10.1.2.3"));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    NoticePackageZip.write(content, zip);
    Path dir = unzip(zip.toByteArray());

    // Assert: the manifest lists the letter and both screenshots with their tokens.
    JsonObject manifest;
    try (InputStream in = Files.newInputStream(dir.resolve("manifest.json"))) {
      manifest = Json.createReader(in).readObject();
    }
    assertEquals("dozor-notification-package/1", manifest.getString("format"));
    var files = manifest.getJsonArray("files").getValuesAs(JsonObject.class);
    assertEquals(3, files.size());
    assertEquals("letter.pdf", files.get(0).getString("name"));
    for (JsonObject f : files.subList(1, 3)) {
      assertTrue(f.getString("name").startsWith("evidence/"), f.toString());
      assertEquals(investigator.username(), f.getJsonObject("capture").getString("by"));
      assertTrue(Files.exists(dir.resolve(f.getJsonObject("timestamp").getString("tokenFile"))));
    }

    // The agency's signature of the manifest, checked as the README says.
    // The certificate beside the server's key (DOZOR_AGENCY_SIGNING_KEYSTORE, the server's env).
    String agency = System.getenv("DOZOR_AGENCY_SIGNING_KEYSTORE").replaceAll("\\.p12$", ".pem");
    String[] cms = {
      "openssl",
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      "manifest.json.p7s",
      "-content",
      "manifest.json",
      "-CAfile",
      agency,
      "-purpose",
      "any",
      "-out",
      "/dev/null"
    };
    assertOk(dir, "Verification successful", cms);
    String sums = "jq -r '.files[] | \"\\(.sha256)  \\(.name)\"' manifest.json | sha256sum -c";
    assertOk(dir, "letter.pdf: OK", "bash", "-c", sums);
    for (JsonObject f : files.subList(1, 3)) {
      assertOk(
          dir,
          "Verification: OK",
          "openssl",
          "ts",
          "-verify",
          "-in",
          f.getJsonObject("timestamp").getString("tokenFile"),
          "-token_in",
          "-data",
          f.getString("name"),
          "-CAfile",
          System.getenv("DOZOR_TSA_CERTIFICATE"));
    }

    // One byte changed in an evidence file: its sum fails; in the manifest: the signature fails.
    Path shot = dir.resolve(files.get(1).getString("name"));
    byte[] bytes = Files.readAllBytes(shot);
    bytes[bytes.length / 2] ^= 1;
    Files.write(shot, bytes);
    assertFails(dir, "FAILED", "bash", "-c", sums);
    byte[] m = Files.readAllBytes(dir.resolve("manifest.json"));
    m[m.length / 2] ^= 1;
    Files.write(dir.resolve("manifest.json"), m);
    assertFails(dir, "Verification failure", cms);

    // Custody: each screenshot was exported by the officer, from the address given.
    assertEquals(
        2L,
        db.count(
            "select count(*) from evidence_access a join block_notice_evidence ne"
                + " on ne.evidence_id = a.evidence_id where ne.notice_id = ? and a.action = 'EXPORT'"
                + " and a.username = ? and a.client_address = '10.1.2.3'",
            notice,
            officer.username()));
  }

  @Test
  void restrictedEvidenceLeavesOnlyWithAReasonAndNeverToOthers() throws Exception {
    long notice = signedOff("en", "CSAM", "Material found on a public channel.");
    User otherAgency = db.user("pkadm", "mci", "admin");

    assertThrows(
        InvalidInputException.class,
        () -> officer.call(() -> notices.exportPackage(notice, " ", "10.0.0.1")));
    NoticePackageContent content =
        officer.call(() -> notices.exportPackage(notice, "Decision on case review", "10.0.0.1"));
    assertEquals(2, content.evidence().size());
    assertEquals(
        2L,
        db.count(
            "select count(*) from evidence_access where action = 'EXPORT' and username = ?"
                + " and reason = 'Decision on case review'",
            officer.username()));
    // The ministry's administrator is not an officer: no package, reason or not.
    assertThrows(
        Exception.class,
        () -> otherAgency.call(() -> notices.exportPackage(notice, "x", "10.0.0.2")));
  }

  @Test
  void aDamagedFileStopsThePackage() throws Exception {
    long notice = signedOff("ru", "ILLEGAL_GAMBLING", "Незаконное казино.");
    NoticePackageContent content =
        officer.call(() -> notices.exportPackage(notice, null, "10.0.0.3"));
    Path file = content.evidence().get(0).file();
    byte[] original = Files.readAllBytes(file);
    byte[] flipped = original.clone();
    flipped[flipped.length / 2] ^= 1;
    try {
      Files.write(file, flipped);
      long before =
          db.count(
              "select count(*) from evidence_access where action = 'EXPORT' and username = ?",
              officer.username());
      assertThrows(
          EvidenceDamagedException.class,
          () -> officer.call(() -> notices.exportPackage(notice, null, "10.0.0.3")));
      assertEquals(
          before,
          db.count(
              "select count(*) from evidence_access where action = 'EXPORT' and username = ?",
              officer.username()));
    } finally {
      Files.write(file, original);
    }
  }

  @Test
  void aDraftHasNoDocumentsAndAnotherOrganisationGetsNone() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "pkg-draft");
    long draft = given.submit(investigator, c);
    assertThrows(Exception.class, () -> investigator.call(() -> notices.letter(draft)));
    assertThrows(AccessDeniedException.class, () -> officer.call(() -> notices.letter(draft)));
  }

  private static Path unzip(byte[] zip) throws Exception {
    Path dir = Files.createTempDirectory("package");
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path target = dir.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(dir), e.getName());
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return dir;
  }

  private static void assertOk(Path dir, String expected, String... command) throws Exception {
    StringBuilder out = new StringBuilder();
    assertEquals(0, Commands.runIn(dir, out, command), out.toString());
    assertTrue(out.toString().contains(expected), out.toString());
  }

  private static void assertFails(Path dir, String expected, String... command) throws Exception {
    StringBuilder out = new StringBuilder();
    assertNotEquals(0, Commands.runIn(dir, out, command), out.toString());
    assertTrue(out.toString().contains(expected), out.toString());
  }
}
