package kz.gov.dozor.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditFilter;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.audit.AuditRow;
import kz.gov.dozor.ejb.audit.AuditService;
import kz.gov.dozor.ejb.audit.AuditVerifier;
import kz.gov.dozor.ejb.audit.RequestOrigin;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the ministry does with the agency's data is the agency's business too: its administrator
 * sees the ministry officers' downloads and refused attempts, and so does the ministry's; a refusal
 * keeps the address that was asked for, query included.
 */
@ExtendWith(ArquillianExtension.class)
class AuditOwnerIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(AuditOwnerIT.class);
  }

  @Inject AuditLog audit;
  @Inject AuditService auditService;
  @Inject AuditVerifier verifier;
  @Inject RequestOrigin origin;
  @Inject EvidenceService evidence;
  @Inject Procedures given;

  TestData db;
  User investigator;
  User supervisor;
  User officer;
  User agencyAdmin;
  User ministryAdmin;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("oinv", "afm", "investigator");
    supervisor = db.user("osup", "afm", "supervisor");
    officer = db.user("ooff", "mci", "officer");
    agencyAdmin = db.user("oadm", "afm", "admin");
    ministryAdmin = db.user("madm", "mci", "admin");
  }

  @Test
  void theAgencySeesTheMinistrysRefusedAndAllowedDownloadsOfItsEvidence() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "owner");
    long file = c.evidence().get(0).id();
    long notice = given.submit(investigator, c);

    String refusedUrl = "/dozor/evidence/" + file + "/download?early=yes&from=inbox";
    origin.arrived(refusedUrl, "10.7.7.1");
    assertThrows(
        AccessDeniedException.class,
        () -> officer.call(() -> evidence.open(file, Action.DOWNLOAD, null)));

    given.signOff(supervisor, notice, null);
    origin.arrived("/dozor/evidence/" + file + "/download", "10.7.7.2");
    officer.call(() -> evidence.open(file, Action.DOWNLOAD, "10.7.7.2"));

    for (User admin : List.of(agencyAdmin, ministryAdmin)) {
      List<AuditRow> seen = entriesAbout(admin, officer, "evidence", String.valueOf(file));
      assertEquals(
          List.of(AuditAction.ACCESS_DENIED, AuditAction.EVIDENCE_DOWNLOAD),
          seen.stream().map(AuditRow::action).toList(),
          "as seen by " + admin.username());
      AuditRow refused = seen.get(0);
      assertEquals(refusedUrl, refused.requestedUrl());
      assertEquals("10.7.7.1", refused.clientAddress());
      assertEquals("mci", refused.organisation());
      assertEquals("afm", refused.ownerOrganisation());
      assertEquals("afm", seen.get(1).ownerOrganisation());
    }
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void aCasePageRefusedToAMinistryOfficerIsInBothLogsWithItsAddress() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "owner");
    String url = "/dozor/cases/view.xhtml?id=" + c.id() + "&tab=evidence";
    officer.run(
        () ->
            audit.recordDeniedRequest(
                "case", c.id(), "GET refused to the user's role", "10.7.7.3", url));

    for (User admin : List.of(agencyAdmin, ministryAdmin)) {
      List<AuditRow> seen = entriesAbout(admin, officer, "case", String.valueOf(c.id()));
      assertEquals(1, seen.size(), "as seen by " + admin.username());
      assertEquals(AuditAction.ACCESS_DENIED, seen.get(0).action());
      assertEquals(url, seen.get(0).requestedUrl());
      assertEquals("afm", seen.get(0).ownerOrganisation());
    }
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void anotherOrganisationsAdministratorDoesNotSeeWhatIsNotTheirs() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "owner");
    // The agency's own work on its own case is not the ministry's business.
    assertEquals(
        List.of(), entriesAbout(ministryAdmin, investigator, "case", String.valueOf(c.id())));
    assertEquals(
        List.of(AuditAction.CASE_REGISTERED, AuditAction.CASE_STATE_CHANGED),
        entriesAbout(agencyAdmin, investigator, "case", String.valueOf(c.id())).stream()
            .map(AuditRow::action)
            .toList());
  }

  /**
   * The entries an administrator's audit page lists about one subject by one actor, oldest first.
   */
  private List<AuditRow> entriesAbout(User admin, User actor, String type, String id)
      throws Exception {
    AuditFilter byActor = new AuditFilter(actor.username(), null, null, null, null);
    List<AuditRow> page = admin.call(() -> auditService.entries(byActor, 0, 200));
    return page.stream()
        .filter(r -> r.actor().equals(actor.username()))
        .filter(r -> type.equals(r.subjectType()) && id.equals(r.subjectId()))
        .sorted(java.util.Comparator.comparingLong(AuditRow::seq))
        .toList();
  }
}
