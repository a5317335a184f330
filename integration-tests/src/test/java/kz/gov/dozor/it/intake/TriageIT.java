package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.intake.HostCount;
import kz.gov.dozor.ejb.intake.TakeOutcome;
import kz.gov.dozor.ejb.intake.TriageItemsTakenException;
import kz.gov.dozor.ejb.intake.TriageOutcome;
import kz.gov.dozor.ejb.intake.TriageQueries;
import kz.gov.dozor.ejb.intake.TriageQuery;
import kz.gov.dozor.ejb.intake.TriageRow;
import kz.gov.dozor.ejb.intake.TriageSelection;
import kz.gov.dozor.ejb.intake.TriageService;
import kz.gov.dozor.ejb.intake.TriageSort;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.intake.TriageStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The triage queue against the real database: filters, capped counts, hosts; a case made of 500
 * items; adding to a case; dismissing; holds of two investigators; refusals by role and
 * organisation.
 */
@ExtendWith(ArquillianExtension.class)
class TriageIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(TriageIT.class, TriageData.class);
  }

  @Inject Procedures given;
  @Inject TriageService triage;
  @Inject TriageQueries queries;
  @Inject CaseService cases;
  @Inject EvidenceStore store;

  TestData db;
  TriageData items;
  User investigator;
  User colleague;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    items = new TriageData(db);
    investigator = db.user("tinv", "afm", "investigator");
    colleague = db.user("tcol", "afm", "investigator");
  }

  @Test
  void aCaseIsMadeOf500SelectedItemsWithTheirScreenshotsAndDetections() throws Exception {
    String marker = TriageData.marker("t500");
    List<Long> ids = items.items("afm", marker, 500, "crawler-a");
    byte[] shotA = TestFiles.png(501);
    String shaA = items.screenshot(ids.get(0), shotA, 501, store);
    String shaB = items.screenshot(ids.get(1), TestFiles.png(502), 502, store);
    // The same file twice becomes one piece of evidence.
    items.screenshot(ids.get(2), shotA, 503, store);
    TriageQuery matching = TriageQuery.pending().withUrlText(marker);
    assertEquals(new MatchCount(500, false), investigator.call(() -> queries.count(matching)));

    TriageOutcome outcome =
        investigator.call(
            () ->
                triage.createCase(
                    TriageSelection.allMatching(matching),
                    "ILLEGAL_GAMBLING",
                    "Casino mirrors found by monitoring.",
                    "10.0.0.1"));

    assertEquals(500, outcome.done());
    assertEquals(0, outcome.skipped());
    CaseDetails c = given.openCase(investigator, outcome.caseId());
    assertEquals(outcome.caseNumber(), c.registrationNumber());
    assertEquals(500, c.resourceCount());
    assertEquals(
        Set.of(shaA, shaB),
        Set.copyOf(c.evidence().stream().map(CaseDetails.EvidenceView::sha256).toList()));
    assertEquals(
        500L,
        db.count(
            "select count(*) from triage_item where case_id = ? and status = 'CASED'"
                + " and resolved_by = ? and taken_by is null",
            outcome.caseId(),
            investigator.username()));
    // Every detection hangs on the resource of its URL.
    assertEquals(
        500L,
        db.count(
            "select count(*) from detection d join case_resource r on r.id = d.case_resource_id"
                + " where r.case_id = ? and r.url_normalized = d.url_normalized",
            outcome.caseId()));
    assertEquals(
        1L,
        db.count(
            "select count(*) from audit_entry where action = 'TRIAGE_CASED' and subject_id = ?",
            String.valueOf(outcome.caseId())));
    // The queue no longer offers them; asked for again, they are skipped as resolved.
    assertEquals(new MatchCount(0, false), investigator.call(() -> queries.count(matching)));
    InvalidInputException again =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () ->
                        triage.createCase(
                            TriageSelection.of(ids.subList(0, 3)),
                            "ILLEGAL_GAMBLING",
                            "Again.",
                            null)));
    assertEquals("triage.nothingPending", again.getProblems().get(0).messageKey());
  }

  @Test
  void moreItemsThanACaseTakesAreRefusedWhole() throws Exception {
    String marker = TriageData.marker("tmax");
    items.items("afm", marker, CaseService.MAX_RESOURCES + 1, "crawler-a");
    TriageQuery matching = TriageQuery.pending().withUrlText(marker);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () ->
                        triage.createCase(
                            TriageSelection.allMatching(matching),
                            "ILLEGAL_GAMBLING",
                            "Too many.",
                            null)));
    assertEquals("triage.selection.tooMany", e.getProblems().get(0).messageKey());
    assertEquals(
        0L,
        db.count(
            "select count(*) from triage_item where host like ? and status <> 'PENDING'",
            marker + "%"));
  }

  @Test
  void itemsAreAddedToAnOpenCaseAndAKnownUrlIsNotAddedTwice() throws Exception {
    String marker = TriageData.marker("tadd");
    List<Long> ids = items.items("afm", marker, 2, "crawler-b");
    // The case already holds the first item's URL, written differently.
    long caseId =
        given.registerCase(
            investigator,
            "HTTPS://" + marker.toUpperCase() + "1.example/offer",
            "ILLEGAL_GAMBLING");
    CaseDetails before = given.openCase(investigator, caseId);

    TriageOutcome outcome =
        colleague.call(
            () ->
                triage.addToCase(
                    TriageSelection.of(ids), before.registrationNumber().toLowerCase(), null));

    assertEquals(2, outcome.done());
    CaseDetails after = given.openCase(investigator, caseId);
    assertEquals(2, after.resourceCount());
    assertTrue(after.version() > before.version(), "the case's version moves");
    assertEquals("CASED", items.status(ids.get(0)));
    assertEquals(
        2L,
        db.count(
            "select count(*) from detection d join case_resource r on r.id = d.case_resource_id"
                + " where r.case_id = ? and d.triage_item_id in (?, ?)",
            caseId,
            ids.get(0),
            ids.get(1)));
    // One resource was new.
    assertEquals(
        "1",
        db.single(
            "select detail from case_event where case_id = ? and type = 'RESOURCES_ADDED'",
            caseId));

    // A dismissed case and an unknown number are refused beside the number field.
    List<Long> more = items.items("afm", TriageData.marker("tadd2"), 1, "crawler-b");
    long closedId =
        given.registerCase(investigator, Procedures.uniqueUrl("tclosed"), "FINANCIAL_PYRAMID");
    db.update("update violation_case set status = 'DISMISSED' where id = ?", closedId);
    String closedNumber = given.openCase(investigator, closedId).registrationNumber();
    InvalidInputException notOpen =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () -> triage.addToCase(TriageSelection.of(more), closedNumber, null)));
    assertEquals("triage.case.notOpen", notOpen.getProblems().get(0).messageKey());
    InvalidInputException unknown =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () -> triage.addToCase(TriageSelection.of(more), "AFM-1999-999999", null)));
    assertEquals("triage.case.notFound", unknown.getProblems().get(0).messageKey());
    assertEquals("PENDING", items.status(more.get(0)));
  }

  @Test
  void dismissingNeedsAReasonAndSkipsResolvedItems() throws Exception {
    String marker = TriageData.marker("tdis");
    List<Long> ids = items.items("afm", marker, 3, "crawler-c");
    InvalidInputException noReason =
        assertThrows(
            InvalidInputException.class,
            () -> investigator.call(() -> triage.dismiss(TriageSelection.of(ids), "  ")));
    assertEquals("reason", noReason.getProblems().get(0).field());

    investigator.call(() -> triage.dismiss(TriageSelection.of(ids.subList(0, 1)), "Parked page"));
    TriageOutcome outcome =
        investigator.call(() -> triage.dismiss(TriageSelection.of(ids), "Not gambling"));

    assertEquals(2, outcome.done());
    assertEquals(1, outcome.skipped());
    assertEquals(
        "Parked page",
        db.single("select dismissal_reason from triage_item where id = ?", ids.get(0)));
    assertEquals(
        "Not gambling",
        db.single("select dismissal_reason from triage_item where id = ?", ids.get(2)));
    List<TriageRow> dismissed =
        investigator.call(
            () ->
                queries.find(
                    TriageQuery.pending().withStatus(TriageStatus.DISMISSED).withUrlText(marker),
                    0,
                    10,
                    TriageSort.LAST_SEEN,
                    false));
    assertEquals(3, dismissed.size());
  }

  @Test
  void itemsHeldBySomeoneElseRefuseTheActionUntilReleasedOrExpired() throws Exception {
    String marker = TriageData.marker("thold");
    List<Long> ids = items.items("afm", marker, 3, "crawler-d");
    TakeOutcome mine = investigator.call(() -> triage.take(TriageSelection.of(ids.subList(0, 2))));
    assertEquals(2, mine.taken());

    // The colleague gets only the free one, and sees who holds the others.
    TakeOutcome theirs = colleague.call(() -> triage.take(TriageSelection.of(ids)));
    assertEquals(1, theirs.taken());
    assertEquals(2, theirs.heldByOthers());
    List<TriageRow> rows =
        colleague.call(
            () ->
                queries.find(
                    TriageQuery.pending().withUrlText(marker), 0, 10, TriageSort.LAST_SEEN, false));
    TriageRow held = rows.stream().filter(r -> r.id() == ids.get(0)).findFirst().orElseThrow();
    assertEquals(investigator.username(), held.takenBy());
    assertFalse(held.takenByMe());

    TriageItemsTakenException refused =
        assertThrows(
            TriageItemsTakenException.class,
            () -> colleague.call(() -> triage.dismiss(TriageSelection.of(ids), "Mine now")));
    assertEquals(2, refused.getArguments()[0]);
    assertEquals(
        3L,
        db.count(
            "select count(*) from triage_item where host like ? and status = 'PENDING'",
            marker + "%"));

    // Released: the colleague may act.
    assertEquals(2, investigator.call(() -> triage.release(TriageSelection.of(ids))));
    colleague.call(() -> triage.dismiss(TriageSelection.of(ids.subList(0, 1)), "Parked"));
    assertEquals("DISMISSED", items.status(ids.get(0)));

    // An expired hold holds nothing.
    investigator.call(() -> triage.take(TriageSelection.of(ids.subList(1, 2))));
    db.update(
        "update triage_item set taken_until = now() - interval '1 minute' where id = ?",
        ids.get(1));
    colleague.call(() -> triage.dismiss(TriageSelection.of(ids.subList(1, 2)), "Expired hold"));
    assertEquals("DISMISSED", items.status(ids.get(1)));
    assertNull(db.single("select taken_by from triage_item where id = ?", ids.get(1)));
  }

  @Test
  void theQueueFiltersSortsCountsAndGroupsByHost() throws Exception {
    String marker = TriageData.marker("tq");
    List<Long> ids = items.items("afm", marker, 30, "crawler-e");
    String otherMarker = TriageData.marker("tq");
    items.items("afm", otherMarker, 5, "crawler-f");
    TriageQuery mine = TriageQuery.pending().withUrlText(marker);

    assertEquals(new MatchCount(30, false), investigator.call(() -> queries.count(mine)));
    // Highest seen count first (seen_count = g in the test data).
    List<TriageRow> bySeen =
        investigator.call(() -> queries.find(mine, 0, 5, TriageSort.SEEN_COUNT, false));
    assertEquals(30, bySeen.get(0).seenCount());
    assertEquals(26, bySeen.get(4).seenCount());
    List<TriageRow> page2 =
        investigator.call(() -> queries.find(mine, 25, 25, TriageSort.LAST_SEEN, false));
    assertEquals(5, page2.size());
    // Oldest first seen, ascending.
    List<TriageRow> firstSeen =
        investigator.call(() -> queries.find(mine, 0, 1, TriageSort.FIRST_SEEN, true));
    assertEquals(ids.get(29), firstSeen.get(0).id());

    TriageQuery scored =
        new TriageQuery(
            TriageStatus.PENDING,
            "crawler-e",
            "ILLEGAL_GAMBLING",
            Platform.WEBSITE,
            null,
            new BigDecimal("0.10"),
            new BigDecimal("0.19"),
            null,
            null,
            null,
            null,
            marker);
    assertEquals(new MatchCount(10, false), investigator.call(() -> queries.count(scored)));
    TriageQuery otherSource =
        new TriageQuery(
            null, "crawler-f", null, null, null, null, null, null, null, null, null, marker);
    assertEquals(new MatchCount(0, false), investigator.call(() -> queries.count(otherSource)));
    TriageQuery oneHost = mine.withHost(marker + "7.example");
    assertEquals(1, investigator.call(() -> queries.count(oneHost)).count());

    List<HostCount> hosts =
        investigator.call(() -> queries.hosts(TriageQuery.pending().withUrlText(otherMarker)));
    assertEquals(5, hosts.size());
    assertEquals(1L, hosts.get(0).count());
    // Wildcards are text.
    assertEquals(
        new MatchCount(0, false),
        investigator.call(() -> queries.count(TriageQuery.pending().withUrlText(marker + "%"))));
  }

  @Test
  void otherRolesAndOrganisationsAreRefused() throws Exception {
    String marker = TriageData.marker("torg");
    List<Long> ids = items.items("afm", marker, 1, "crawler-g");
    User supervisor = db.user("tsup", "afm", "supervisor");
    User officer = db.user("toff", "mci", "officer");
    User ministryInvestigator = db.user("tmin", "mci", "investigator");
    assertThrows(
        EJBAccessException.class,
        () -> supervisor.call(() -> queries.count(TriageQuery.pending())));
    assertThrows(
        EJBAccessException.class,
        () -> officer.call(() -> triage.dismiss(TriageSelection.of(ids), "x")));
    assertThrows(
        AccessDeniedException.class,
        () -> ministryInvestigator.call(() -> queries.count(TriageQuery.pending())));

    // Another agency's item, named by id, is refused (and audited); nothing changes.
    List<Long> foreign = items.items("other-agency", TriageData.marker("tfor"), 1, "crawler-g");
    assertThrows(
        AccessDeniedException.class,
        () -> investigator.call(() -> triage.dismiss(TriageSelection.of(foreign), "x")));
    assertEquals("PENDING", items.status(foreign.get(0)));
    assertEquals("PENDING", items.status(ids.get(0)));
    assertTrue(
        db.count(
                "select count(*) from audit_entry where action = 'ACCESS_DENIED' and actor = ?"
                    + " and subject_type = 'triage'",
                investigator.username())
            >= 1);
  }
}
