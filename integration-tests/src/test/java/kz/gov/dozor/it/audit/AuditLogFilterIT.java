package kz.gov.dozor.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.audit.AuditFilter;
import kz.gov.dozor.ejb.audit.AuditRow;
import kz.gov.dozor.ejb.audit.AuditService;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.users.DirectoryOverview;
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
 * An administrator finds entries by who, what, which case or notification, and when; counts and
 * pages agree; only their organisation's entries are ever listed. The home page's figures of people
 * come from the directory, including those who never signed in and those disabled.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogFilterIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(AuditLogFilterIT.class);
  }

  @Inject AuditService audit;
  @Inject EvidenceService evidence;
  @Inject DirectoryOverview overview;
  @Inject Procedures given;

  TestData db;
  User investigator;
  User supervisor;
  User agencyAdmin;
  User ministryAdmin;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("finv", "afm", "investigator");
    supervisor = db.user("fsup", "afm", "supervisor");
    agencyAdmin = db.user("fadm", "afm", "admin");
    ministryAdmin = db.user("fmadm", "mci", "admin");
  }

  @Test
  void aCaseNumberFindsTheCaseItsEvidenceAndItsNotifications() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "auditfilter");
    long notice = given.submit(investigator, c);
    long other = given.registerCase(investigator, "auditfilter-other");

    long file = c.evidence().get(0).id();
    investigator.call(() -> evidence.open(file, Action.VIEW, null));

    List<AuditRow> rows =
        find(agencyAdmin, new AuditFilter(null, null, c.registrationNumber(), null, null));

    Set<String> subjects =
        rows.stream().map(r -> r.subjectType() + ":" + r.subjectId()).collect(Collectors.toSet());
    assertTrue(subjects.contains("case:" + c.id()), subjects.toString());
    assertTrue(subjects.contains("notice:" + notice), subjects.toString());
    assertTrue(subjects.contains("evidence:" + file), subjects.toString());
    assertTrue(
        rows.stream()
            .noneMatch(r -> ("case:" + other).equals(r.subjectType() + ":" + r.subjectId())),
        "another case is not listed");
    // Every listed entry is labelled with the number people know, not the database id.
    assertTrue(
        rows.stream()
            .filter(r -> !"notice".equals(r.subjectType()))
            .allMatch(r -> c.registrationNumber().equals(r.subjectLabel())),
        rows.toString());
    assertEquals(
        rows.size(),
        agencyAdmin.call(
            () ->
                audit.countEntries(
                    new AuditFilter(
                        null, null, c.registrationNumber().toLowerCase(), null, null))));
  }

  @Test
  void whoWhatAndWhenNarrowTheLog() throws Exception {
    long caseId = given.registerCase(investigator, "auditwho");
    LocalDate today = LocalDate.now(Almaty.ZONE);

    // By full name (the directory's), not only by login.
    List<AuditRow> byName =
        agencyAdmin.call(
            () ->
                audit.entries(
                    new AuditFilter(
                        "test " + investigator.username().toUpperCase(),
                        AuditAction.CASE_REGISTERED,
                        null,
                        today,
                        today),
                    0,
                    50));
    assertEquals(1, byName.size(), byName.toString());
    assertEquals(String.valueOf(caseId), byName.get(0).subjectId());
    assertEquals("Test " + investigator.username(), byName.get(0).actorName());

    assertEquals(
        0,
        agencyAdmin.call(
            () ->
                audit.countEntries(
                    new AuditFilter(investigator.username(), null, null, today.plusDays(1), null))),
        "nothing is recorded tomorrow");
    assertEquals(
        0,
        agencyAdmin.call(
            () ->
                audit.countEntries(
                    new AuditFilter(
                        investigator.username(), AuditAction.BLOCK_LIFTED, null, null, null))),
        "the investigator lifted nothing");
    // A wildcard typed by the administrator matches itself, not everything.
    assertEquals(
        0,
        agencyAdmin.call(() -> audit.countEntries(new AuditFilter("%", null, null, null, null))));
  }

  @Test
  void theOtherOrganisationsAdministratorSeesNoneOfIt() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "auditother");
    assertEquals(
        0,
        ministryAdmin.call(
            () ->
                audit.countEntries(
                    new AuditFilter(investigator.username(), null, null, null, null))));
    assertEquals(
        0,
        ministryAdmin.call(
            () ->
                audit.countEntries(
                    new AuditFilter(null, null, c.registrationNumber(), null, null))));
  }

  @Test
  void theHomePageCountsTheDisabledAndThoseWhoNeverSignedIn() throws Exception {
    String org = "zz" + Long.toString(System.nanoTime(), 36).substring(0, 6);
    User admin = db.user("hadm", org, "admin");
    User quiet = db.user("hquiet", org, "investigator");
    User gone = db.user("hgone", org, "supervisor");
    db.update(
        "update portal_user set first_sign_in_at = null, last_sign_in_at = null"
            + " where username = ?",
        quiet.username());
    db.update("update portal_user set enabled = false where username = ?", gone.username());

    DirectoryOverview.Summary people = admin.call(() -> overview.summary());

    assertEquals(3, people.total());
    assertEquals(1, people.disabled());
    assertEquals(1, people.neverSignedIn());
    assertEquals(List.of("Test " + gone.username()), people.disabledNames());
    assertEquals(List.of("Test " + quiet.username()), people.neverSignedInNames());
  }

  private List<AuditRow> find(User admin, AuditFilter filter) throws Exception {
    return admin.call(() -> audit.entries(filter, 0, 200));
  }
}
