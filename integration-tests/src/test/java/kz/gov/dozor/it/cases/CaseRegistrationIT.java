package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseQuery;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.CaseSort;
import kz.gov.dozor.ejb.cases.NewCase;
import kz.gov.dozor.ejb.cases.RegisteredCase;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering violations in the real server, against the real PostgreSQL and evidence store. */
@ExtendWith(ArquillianExtension.class)
class CaseRegistrationIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaseRegistrationIT.class);
  }

  @Inject CaseService cases;
  @Inject EvidenceService evidence;
  @Inject EvidenceStore store;
  @Inject UserTransaction tx;

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  DataSource ds;

  TestData db;
  User investigator;

  @BeforeEach
  void users() throws Exception {
    db = new TestData(ds);
    investigator = db.user("inv", "afm", "investigator");
  }

  @Test
  void registersCaseWithRowsAndFilesHashed() throws Exception {
    byte[] png = TestFiles.png(1);
    byte[] pdf = TestFiles.pdf();

    RegisteredCase registered =
        investigator.call(
            () -> {
              StagedEvidence a = receive(png, "screen.png");
              StagedEvidence b = receive(pdf, "letter.pdf");
              return cases.registerViolation(
                  newCase(
                      List.of("HTTPS://Casino-Bonus.EXAMPLE:443/promo?utm_source=tg&ref=7#top"),
                      a,
                      b));
            });

    assertTrue(registered.registrationNumber().matches("AFM-\\d{4}-\\d{6}"));
    assertEquals(
        "https://casino-bonus.example/promo?ref=7",
        db.single("select url_normalized from case_resource where case_id = ?", registered.id()));
    assertEquals(
        "HTTPS://Casino-Bonus.EXAMPLE:443/promo?utm_source=tg&ref=7#top",
        db.single("select url_original from case_resource where case_id = ?", registered.id()));
    List<List<Object>> files =
        db.rows(
            "select sha256, media_type, size_bytes, captured_by from evidence where case_id = ? order by position",
            registered.id());
    assertEquals(2, files.size());
    assertEquals(TestFiles.sha256(png), files.get(0).get(0));
    assertEquals("image/png", files.get(0).get(1));
    assertEquals((long) png.length, ((Number) files.get(0).get(2)).longValue());
    assertEquals(investigator.username(), files.get(0).get(3));
    assertEquals(TestFiles.sha256(pdf), files.get(1).get(0));
    assertEquals("application/pdf", files.get(1).get(1));
    for (List<Object> f : files) {
      Path kept = store.pathOf((String) f.get(0));
      assertTrue(Files.exists(kept), "kept file " + kept);
      assertEquals(f.get(0), TestFiles.sha256(Files.readAllBytes(kept)));
    }
    assertEquals(
        "REGISTERED", db.single("select type from case_event where case_id = ?", registered.id()));

    CaseDetails details = investigator.call(() -> cases.openCase(registered.id()));
    assertEquals(CaseStatus.REGISTERED, details.status());
    assertEquals(investigator.username(), details.registeredBy());
    assertEquals(2, details.evidence().size());
    assertEquals(1, details.history().size());
  }

  @Test
  void numbersAreGapFreeWhenARegistrationFailsHalfWay() throws Exception {
    RegisteredCase first =
        investigator.call(
            () -> cases.registerViolation(newCase(urls(), receive(TestFiles.png(2), "a.png"))));
    // A staged file that vanished makes the registration fail after its number was taken.
    StagedEvidence vanished = investigator.call(() -> receive(TestFiles.png(3), "b.png"));
    Files.delete(store.root().resolve("staging").resolve(vanished.token().toString()));
    NewCase failing = newCase(urls(), vanished);
    assertThrows(Exception.class, () -> investigator.call(() -> cases.registerViolation(failing)));
    assertEquals(
        0,
        db.count(
            "select count(*) from violation_case where submission_key = ?",
            failing.submissionKey()));

    RegisteredCase next =
        investigator.call(
            () -> cases.registerViolation(newCase(urls(), receive(TestFiles.png(4), "c.png"))));

    assertEquals(sequenceOf(first) + 1, sequenceOf(next), first + " then " + next);
  }

  @Test
  void aRolledBackRegistrationLeavesNoFileInTheStore() throws Exception {
    byte[] png = TestFiles.png(5);
    StagedEvidence staged = investigator.call(() -> receive(png, "rollback.png"));
    NewCase c = newCase(urls(), staged);

    investigator.run(
        () -> {
          tx.begin();
          cases.registerViolation(c);
          assertTrue(Files.exists(store.pathOf(staged.sha256())), "kept inside the transaction");
          tx.rollback();
        });

    assertFalse(Files.exists(store.pathOf(staged.sha256())), "no orphaned file after rollback");
    assertEquals(
        0,
        db.count(
            "select count(*) from violation_case where submission_key = ?", c.submissionKey()));
    // Nothing the user sent is lost: the same form can be sent again and succeeds.
    RegisteredCase again = investigator.call(() -> cases.registerViolation(c));
    assertTrue(Files.exists(store.pathOf(staged.sha256())));
    assertEquals(1, db.count("select count(*) from evidence where case_id = ?", again.id()));
  }

  @Test
  void aRollbackNeverRemovesAFileAnotherCaseCommitted() throws Exception {
    byte[] png = TestFiles.png(14);
    StagedEvidence mine = investigator.call(() -> receive(png, "same.png"));
    StagedEvidence theirs = investigator.call(() -> receive(png, "same-again.png"));
    assertEquals(mine.sha256(), theirs.sha256());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      // This thread's transaction puts the file into the store and is still open...
      investigator.run(
          () -> {
            tx.begin();
            cases.registerViolation(newCase(urls(), mine));
          });
      // ...while another case with the same content is registered and commits...
      Future<RegisteredCase> second =
          other.submit(
              () -> investigator.call(() -> cases.registerViolation(newCase(urls(), theirs))));
      // (it waits for this transaction's lock on the organisation's number counter: wait until
      // it does, so that the two really overlap)...
      awaitABlockedTransaction();
      // ...and then this one rolls back.
      investigator.run(() -> tx.rollback());
      RegisteredCase committed = second.get();

      assertTrue(Files.exists(store.pathOf(mine.sha256())), "the committed case keeps its file");
      assertEquals(
          mine.sha256(),
          db.single("select sha256 from evidence where case_id = ?", committed.id()));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void badInputIsRefusedWithAReasonPerFieldAndNothingSaved() throws Exception {
    StagedEvidence staged = investigator.call(() -> receive(TestFiles.png(6), "x.png"));
    NewCase bad =
        new NewCase(
            UUID.randomUUID(),
            List.of(
                new NewCase.Resource("javascript:alert(1)", null),
                new NewCase.Resource("https://ok.example/", null)),
            "",
            " ",
            Instant.now().plus(2, ChronoUnit.DAYS),
            List.of(staged),
            "127.0.0.1");

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> investigator.call(() -> cases.registerViolation(bad)));

    List<String> fields =
        e.getProblems().stream().map(p -> p.field() + "=" + p.messageKey()).toList();
    assertTrue(fields.contains("resources[0].url=url.scheme"), fields.toString());
    assertTrue(fields.contains("category=case.category.required"), fields.toString());
    assertTrue(fields.contains("description=case.description.required"), fields.toString());
    assertTrue(fields.contains("detectedAt=case.detectedAt.future"), fields.toString());
    assertEquals(
        0,
        db.count(
            "select count(*) from violation_case where submission_key = ?", bad.submissionKey()));
    assertFalse(Files.exists(store.pathOf(staged.sha256())));
  }

  @Test
  void refusesFilesTooBigOfTheWrongTypeOrCorruptAndKeepsNothing() throws Exception {
    long stagedBefore = stagedFiles();
    assertEquals(Reason.TOO_LARGE, refusal(TestFiles.ofSize(20 * 1024 * 1024 + 1), "big.png"));
    assertEquals(Reason.TYPE_NOT_ALLOWED, refusal(TestFiles.exe(), "screenshot.png"));
    assertEquals(Reason.CORRUPT, refusal(TestFiles.corruptPng(), "broken.png"));
    assertEquals(Reason.EMPTY, refusal(new byte[0], "empty.png"));
    assertEquals(stagedBefore, stagedFiles(), "a refused file leaves nothing in staging");
  }

  @Test
  void sameFormSentTwiceRegistersOneCase() throws Exception {
    NewCase c = newCase(urls(), investigator.call(() -> receive(TestFiles.png(7), "twice.png")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Long> send = () -> investigator.call(() -> cases.registerViolation(c).id());
      Future<Long> one = pool.submit(send);
      Future<Long> two = pool.submit(send);
      List<Long> ids = new ArrayList<>();
      for (Future<Long> f : List.of(one, two)) {
        try {
          ids.add(f.get());
        } catch (java.util.concurrent.ExecutionException lostTheRace) {
          // The loser of a simultaneous double submit fails on the unique key (and nothing
          // else); the page then shows the winner's case (see NewCaseBacking).
          assertTrue(
              violatesAUniqueKey(lostTheRace.getCause()),
              () -> "the loser fails on the unique key, not on: " + lostTheRace.getCause());
        }
      }
      assertFalse(ids.isEmpty());
      assertEquals(1, ids.stream().distinct().count(), "both sends name the same case: " + ids);
      assertEquals(
          1,
          db.count(
              "select count(*) from violation_case where submission_key = ?", c.submissionKey()));
      // Sent again later, the form leads to the same case.
      assertEquals(ids.get(0), investigator.call(() -> cases.registerViolation(c).id()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesCallersWithoutTheInvestigatorRole() throws Exception {
    User supervisor = db.user("sup", "afm", "supervisor");
    User officer = db.user("off", "mci", "officer");
    NewCase c = newCase(urls(), investigator.call(() -> receive(TestFiles.png(8), "r.png")));

    assertThrows(EJBAccessException.class, () -> supervisor.call(() -> cases.registerViolation(c)));
    assertThrows(EJBAccessException.class, () -> officer.call(() -> cases.registerViolation(c)));
    assertThrows(
        EJBAccessException.class,
        () -> officer.call(() -> cases.findCases(CaseQuery.any(), 0, 10, null, false)));
    assertEquals(
        0,
        db.count(
            "select count(*) from violation_case where submission_key = ?", c.submissionKey()));
  }

  @Test
  void refusesCallersFromAnotherOrganisation() throws Exception {
    RegisteredCase mine =
        investigator.call(
            () -> cases.registerViolation(newCase(urls(), receive(TestFiles.png(9), "o.png"))));
    long evidenceId =
        ((Number) db.single("select id from evidence where case_id = ?", mine.id())).longValue();
    // Someone holding agency roles but belonging to the ministry, or to no organisation.
    User ministryInvestigator = db.user("mix", "mci", "investigator", "supervisor");
    User nobody = db.user("none", null, "investigator");

    assertThrows(
        AccessDeniedException.class,
        () -> ministryInvestigator.call(() -> cases.openCase(mine.id())));
    assertThrows(
        AccessDeniedException.class,
        () -> ministryInvestigator.call(() -> evidence.open(evidenceId, Action.DOWNLOAD, null)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            ministryInvestigator.call(
                () ->
                    cases.registerViolation(newCase(urls(), receive(TestFiles.png(10), "m.png")))));
    assertThrows(
        AccessDeniedException.class, () -> nobody.call(() -> cases.countCases(CaseQuery.any())));
    assertEquals(
        0,
        db.count("select count(*) from evidence_access where evidence_id = ?", evidenceId),
        "a refused access records nothing as served");
  }

  @Test
  void listFiltersSortsAndPagesInTheDatabase() throws Exception {
    String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
    User other = db.user("inv2", "afm", "investigator");
    RegisteredCase tg =
        register(investigator, "ILLEGAL_GAMBLING", "t.me/" + marker + "_casino", 11);
    RegisteredCase site =
        register(other, "FINANCIAL_PYRAMID", "https://" + marker + "-pyramid.example/join", 12);

    CaseQuery byText = new CaseQuery(null, null, null, null, null, marker.toUpperCase());
    assertEquals(2, investigator.call(() -> cases.countCases(byText).count()));
    List<CaseRow> page =
        investigator.call(() -> cases.findCases(byText, 0, 1, CaseSort.REGISTRATION_NUMBER, true));
    assertEquals(1, page.size());
    assertEquals(tg.id(), page.get(0).id());
    List<CaseRow> second =
        investigator.call(() -> cases.findCases(byText, 1, 1, CaseSort.REGISTRATION_NUMBER, true));
    assertEquals(site.id(), second.get(0).id());

    CaseQuery telegram =
        new CaseQuery(CaseStatus.REGISTERED, null, Platform.TELEGRAM, null, null, marker);
    assertEquals(
        List.of(tg.id()),
        ids(investigator.call(() -> cases.findCases(telegram, 0, 10, null, false))));
    CaseQuery pyramid = new CaseQuery(null, "FINANCIAL_PYRAMID", null, null, null, marker);
    assertEquals(
        List.of(site.id()),
        ids(investigator.call(() -> cases.findCases(pyramid, 0, 10, null, false))));
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
    CaseQuery todayOnly = new CaseQuery(null, null, null, today, today, marker);
    assertEquals(2, investigator.call(() -> cases.countCases(todayOnly).count()));
    CaseQuery tomorrow = new CaseQuery(null, null, null, today.plusDays(1), null, marker);
    assertEquals(0, investigator.call(() -> cases.countCases(tomorrow).count()));
    CaseQuery wildcard = new CaseQuery(null, null, null, null, null, "%");
    assertTrue(
        investigator.call(() -> cases.findCases(wildcard, 0, 200, null, false)).stream()
            .allMatch(r -> r.firstUrl().contains("%")));
  }

  @Test
  void childAbuseEvidenceIsNeverPreviewedAndEveryDownloadIsRecorded() throws Exception {
    RegisteredCase csam = register(investigator, "CSAM", urls().get(0), 13);
    long evidenceId =
        ((Number) db.single("select id from evidence where case_id = ?", csam.id())).longValue();

    assertThrows(
        AccessDeniedException.class,
        () -> investigator.call(() -> evidence.open(evidenceId, Action.THUMBNAIL, null)));
    assertThrows(
        AccessDeniedException.class,
        () -> investigator.call(() -> evidence.open(evidenceId, Action.VIEW, null)));
    // Downloaded only with a reason, which is recorded with the access.
    assertThrows(
        kz.gov.dozor.ejb.platform.InvalidInputException.class,
        () -> investigator.call(() -> evidence.open(evidenceId, Action.DOWNLOAD, "10.0.0.5")));
    var file =
        investigator.call(
            () -> evidence.open(evidenceId, Action.DOWNLOAD, "10.0.0.5", "Preparing the notice"));

    assertEquals("image/png", file.mediaType());
    assertFalse(investigator.call(() -> cases.openCase(csam.id())).evidence().get(0).previewable());
    assertEquals(
        List.of(List.of(investigator.username(), "DOWNLOAD", "10.0.0.5", "Preparing the notice")),
        db.rows(
            "select username, action, client_address, reason from evidence_access"
                + " where evidence_id = ?",
            evidenceId));
  }

  private StagedEvidence receive(byte[] content, String name) {
    return evidence.receive(new ByteArrayInputStream(content), name);
  }

  private Reason refusal(byte[] content, String name) throws Exception {
    try {
      investigator.call(() -> receive(content, name));
    } catch (EvidenceRejectedException e) {
      return e.getReason();
    }
    throw new AssertionError(name + " was accepted");
  }

  private long stagedFiles() throws Exception {
    try (var files = Files.list(store.root().resolve("staging"))) {
      return files.count();
    }
  }

  private static List<String> urls() {
    return List.of("https://bet-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
  }

  private RegisteredCase register(User who, String category, String url, int seed)
      throws Exception {
    return who.call(
        () ->
            cases.registerViolation(
                newCase(category, List.of(url), receive(TestFiles.png(seed), seed + ".png"))));
  }

  private static NewCase newCase(List<String> urls, StagedEvidence... files) {
    return newCase("ILLEGAL_GAMBLING", urls, files);
  }

  private static NewCase newCase(String category, List<String> urls, StagedEvidence... files) {
    return new NewCase(
        UUID.randomUUID(),
        urls.stream().map(u -> new NewCase.Resource(u, null)).toList(),
        category,
        "Online casino advertised to Kazakhstan users without a licence.",
        Instant.now().minus(1, ChronoUnit.HOURS),
        List.of(files),
        "127.0.0.1");
  }

  private static long sequenceOf(RegisteredCase c) {
    return Long.parseLong(
        c.registrationNumber().substring(c.registrationNumber().lastIndexOf('-') + 1));
  }

  private static List<Long> ids(List<CaseRow> rows) {
    return rows.stream().map(CaseRow::id).toList();
  }

  /** Whether an error comes from PostgreSQL refusing a duplicate (SQLSTATE 23505). */
  private static boolean violatesAUniqueKey(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Waits until another transaction of the test database waits for a lock (at most 30 s). */
  private void awaitABlockedTransaction() throws Exception {
    for (int i = 0; i < 300; i++) {
      if (db.count(
              "select count(*) from pg_stat_activity where datname = current_database()"
                  + " and wait_event_type = 'Lock'")
          > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the second registration never waited for the first");
  }
}
