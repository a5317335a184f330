package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.evidence.EvidenceDamagedException;
import kz.gov.dozor.ejb.evidence.EvidenceItem;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.custody.Fixity;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chain of custody and fixity in the real server: every view, download and export listed on the
 * item with who, when, from where and why; a byte flipped on disk found by the scheduled check and
 * when the file is served; a damaged file never handed out, its case marked, administrators told.
 */
@ExtendWith(ArquillianExtension.class)
class CustodyAndFixityIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CustodyAndFixityIT.class);
  }

  @Inject Procedures given;
  @Inject EvidenceService evidence;
  @Inject EvidenceStore store;
  @Inject Fixity fixity;
  @Inject NoticeService notices;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("cuinv", "afm", "investigator");
    supervisor = db.user("cusup", "afm", "supervisor");
    officer = db.user("cuoff", "mci", "officer");
  }

  private static byte[] ownScreenshot() {
    return TestFiles.png(3_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
  }

  @Test
  void everyViewDownloadAndExportIsListedOnTheItem() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "custody");
    long id = c.evidence().get(0).id();
    investigator.call(() -> evidence.open(id, Action.VIEW, "10.9.0.1"));
    investigator.call(() -> evidence.open(id, Action.DOWNLOAD, "10.9.0.2"));
    long notice = given.submit(investigator, c);
    given.signOff(supervisor, notice, "OK");
    officer.call(() -> notices.exportPackage(notice, "Review before the decision", "10.9.0.3"));

    EvidenceItem item = investigator.call(() -> evidence.item(id, "10.9.0.4"));

    assertEquals(c.id(), item.caseId());
    assertEquals(c.evidence().get(0).sha256(), item.sha256());
    assertEquals(investigator.username(), item.capturedBy());
    assertEquals("web-upload", item.captureMethod());
    assertNull(item.damagedAt());
    List<EvidenceItem.Access> custody = item.custody();
    assertEquals(3, item.custodyCount(), custody.toString());
    // Newest first: the officer's export, then the investigator's download and view.
    assertEquals(Action.EXPORT, custody.get(0).action());
    assertEquals(officer.username(), custody.get(0).username());
    assertEquals("10.9.0.3", custody.get(0).clientAddress());
    assertEquals("Review before the decision", custody.get(0).reason());
    assertEquals(Action.DOWNLOAD, custody.get(1).action());
    assertEquals("10.9.0.2", custody.get(1).clientAddress());
    assertEquals(Action.VIEW, custody.get(2).action());
    // The ministry sees the item of a notification sent to it, without the agency's case.
    EvidenceItem ministry = officer.call(() -> evidence.item(id, "10.9.0.5"));
    assertNull(ministry.caseId());
    assertEquals(3, ministry.custodyCount());
    // Reading the custody is not an access to the file.
    assertEquals(3, investigator.call(() -> evidence.item(id, null)).custodyCount());
  }

  @Test
  void theScheduledCheckFindsAFlippedByteAndTheFileIsNeverServedAgain() throws Exception {
    // Arrange: content of this test's own, one byte flipped on disk.
    User admin = db.user("cuadm", "afm", "admin");
    long caseId = given.registerCaseWith(investigator, ownScreenshot());
    CaseDetails c = given.openCase(investigator, caseId);
    long id = c.evidence().get(0).id();
    String sha = c.evidence().get(0).sha256();
    flipOneByte(store.pathOf(sha));
    db.update(
        "update evidence_fixity set checked_at = now() - interval '2 days' where sha256 = ?", sha);

    // Act
    fixity.checkDue();

    // Assert: marked, shown, refused, told.
    assertNotNull(db.single("select damaged_at from evidence_fixity where sha256 = ?", sha));
    assertTrue(given.openCase(investigator, caseId).evidence().get(0).damaged());
    assertThrows(
        EvidenceDamagedException.class,
        () -> investigator.call(() -> evidence.open(id, Action.DOWNLOAD, null)));
    assertThrows(
        EvidenceDamagedException.class,
        () -> investigator.call(() -> evidence.open(id, Action.THUMBNAIL, null)));
    EvidenceItem item = investigator.call(() -> evidence.item(id, null));
    assertNotNull(item.damagedAt());
    assertTrue(item.fixityDetail().startsWith("the file's SHA-256 is now "), item.fixityDetail());
    assertEquals(0, item.custodyCount(), "nothing was handed out");
    assertEquals(
        1L,
        db.count(
            "select count(*) from portal_notification where recipient = ?"
                + " and message_key = 'inbox.evidenceDamaged' and link = ?",
            admin.username(),
            "/cases/view.xhtml?id=" + caseId));
    assertEquals(
        1L,
        db.count(
            "select count(*) from audit_entry where action = 'EVIDENCE_DAMAGED'"
                + " and subject_id = ?",
            String.valueOf(id)));
    // Checked again later: not told twice.
    db.update(
        "update evidence_fixity set checked_at = now() - interval '2 days' where sha256 = ?", sha);
    fixity.checkDue();
    assertEquals(
        1L,
        db.count(
            "select count(*) from portal_notification where recipient = ?"
                + " and message_key = 'inbox.evidenceDamaged'",
            admin.username()));
  }

  @Test
  void aFileIsHashedAgainWhenServed() throws Exception {
    long caseId = given.registerCaseWith(investigator, ownScreenshot());
    CaseDetails c = given.openCase(investigator, caseId);
    long id = c.evidence().get(0).id();
    String sha = c.evidence().get(0).sha256();
    // Intact: served, and the check passes.
    assertEquals(sha, investigator.call(() -> evidence.open(id, Action.DOWNLOAD, null)).sha256());

    flipOneByte(store.pathOf(sha));

    // Served again: refused, and the damage is recorded although the request failed.
    assertThrows(
        EvidenceDamagedException.class,
        () -> investigator.call(() -> evidence.open(id, Action.DOWNLOAD, null)));
    assertNotNull(db.single("select damaged_at from evidence_fixity where sha256 = ?", sha));
    assertFalse(
        db.count("select count(*) from evidence_access where evidence_id = ?", id) > 1,
        "the refused download is not in the custody");
  }

  private static void flipOneByte(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
  }
}
