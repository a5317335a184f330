package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseLifecycleService;
import kz.gov.dozor.ejb.cases.CaseSealedException;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.cases.ReferralOutcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A case from registration to its decision: routes, referral, outcome, closing and sealing. */
@ExtendWith(ArquillianExtension.class)
class CaseLifecycleIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaseLifecycleIT.class);
  }

  @Inject Procedures given;
  @Inject CaseService cases;
  @Inject CaseLifecycleService lifecycle;

  TestData db;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("life", "afm", "investigator");
  }

  @Test
  void theTwoQuestionsDecideTheRoute() throws Exception {
    assertEquals(CaseStatus.CRIMINAL_REFERRAL, route(newCase(), true, ProhibitedBy.NONE, null));
    assertEquals(
        CaseStatus.CRIMINAL_REFERRAL,
        route(newCase(), true, ProhibitedBy.COURT, "Court No. 2-15/2026 of 01.03.2026"));
    assertEquals(
        CaseStatus.BLOCKING, route(newCase(), false, ProhibitedBy.LAW, "Law on Gambling, art. 9"));
    assertEquals(
        CaseStatus.BLOCKING,
        route(newCase(), false, ProhibitedBy.COURT, "Court No. 2-15/2026 of 01.03.2026"));
    assertEquals(
        CaseStatus.ADMINISTRATIVE_REFERRAL, route(newCase(), false, ProhibitedBy.NONE, "ignored"));

    long c = newCase();
    CaseDetails d = open(c);
    assertProblem(
        "legalReference",
        () -> lifecycle.decideRoute(c, d.version(), false, ProhibitedBy.LAW, null, " ", null));
    assertProblem(
        "crimeSigns",
        () -> lifecycle.decideRoute(c, d.version(), null, ProhibitedBy.NONE, null, null, null));
  }

  @Test
  void everyAllowedTransitionWorksAndIsRecorded() throws Exception {
    long criminal = referredCase(true, "POLICE", "12-3/456", LocalDate.now().minusDays(1));
    investigator.run(
        () ->
            lifecycle.recordReferralOutcome(
                criminal,
                version(criminal),
                ReferralOutcome.PROCEEDINGS_OPENED,
                null,
                "ERDR 2026-123"));
    investigator.run(() -> lifecycle.closeCase(criminal, version(criminal), "proceedings opened"));
    assertEquals(CaseStatus.CLOSED, open(criminal).status());

    long administrative = referredCase(false, "GAMBLING_REGULATOR", "07-11/99", LocalDate.now());
    assertProblem(
        "penaltyMrp",
        () ->
            lifecycle.recordReferralOutcome(
                administrative,
                version(administrative),
                ReferralOutcome.PENALTY_IMPOSED,
                null,
                null));
    investigator.run(
        () ->
            lifecycle.recordReferralOutcome(
                administrative,
                version(administrative),
                ReferralOutcome.PENALTY_IMPOSED,
                new BigDecimal("100"),
                null));
    investigator.run(() -> lifecycle.closeCase(administrative, version(administrative), null));

    long dismissed = newCase();
    assertProblem("reason", () -> lifecycle.dismiss(dismissed, version(dismissed), " "));
    investigator.run(
        () ->
            lifecycle.dismiss(
                dismissed, version(dismissed), "The page is a news report, not an advertisement."));
    assertEquals(CaseStatus.DISMISSED, open(dismissed).status());
    investigator.run(() -> lifecycle.closeCase(dismissed, version(dismissed), null));

    CaseDetails closed = open(administrative);
    assertTrue(closed.sealed());
    assertNotNull(closed.closedAt());
    assertEquals(ReferralOutcome.PENALTY_IMPOSED, closed.referral().outcome());
    assertEquals(0, new BigDecimal("100").compareTo(closed.referral().penaltyMrp()));
    assertEquals("GAMBLING_REGULATOR", closed.referral().body().code());
    List<CaseEvent.Type> types = closed.history().stream().map(e -> e.type()).toList();
    assertEquals(
        List.of(
            CaseEvent.Type.REGISTERED,
            CaseEvent.Type.ROUTED,
            CaseEvent.Type.REFERRAL_SENT,
            CaseEvent.Type.REFERRAL_OUTCOME,
            CaseEvent.Type.CLOSED),
        types);
    // Each state shows how long the case stayed in it; the final state has no end.
    assertNotNull(closed.history().get(0).inState());
    assertNotNull(closed.history().get(1).inState());
    assertNull(closed.history().get(4).inState());
    assertEquals(investigator.username(), closed.history().get(1).actor());
    assertEquals(
        List.of("REGISTERED -> ADMINISTRATIVE_REFERRAL", "ADMINISTRATIVE_REFERRAL -> CLOSED"),
        db
            .rows(
                "select detail from audit_entry where subject_type = 'case' and subject_id = ? and action = 'CASE_STATE_CHANGED' order by seq",
                String.valueOf(administrative))
            .stream()
            .map(r -> (String) r.get(0))
            .toList());
  }

  @Test
  void everyForbiddenTransitionIsRefused() throws Exception {
    long registered = newCase();
    assertRefused(
        "close.notDecided", () -> lifecycle.closeCase(registered, version(registered), null));
    assertRefused(
        "referral.notExpected",
        () ->
            lifecycle.recordReferral(
                registered, version(registered), "POLICE", "1", LocalDate.now()));
    assertRefused(
        "outcome.notExpected",
        () ->
            lifecycle.recordReferralOutcome(
                registered, version(registered), ReferralOutcome.PROCEEDINGS_OPENED, null, null));

    long criminal = newCase();
    route(criminal, true, ProhibitedBy.NONE, null);
    assertRefused(
        "case.transitionNotAllowed",
        () ->
            lifecycle.decideRoute(
                criminal, version(criminal), false, ProhibitedBy.NONE, null, null, null));
    assertRefused(
        "case.transitionNotAllowed",
        () -> lifecycle.dismiss(criminal, version(criminal), "changed my mind"));
    assertRefused(
        "close.outcomeMissing", () -> lifecycle.closeCase(criminal, version(criminal), null));
    assertProblem(
        "body",
        () ->
            lifecycle.recordReferral(
                criminal, version(criminal), "GAMBLING_REGULATOR", "1", LocalDate.now()));
    assertProblem(
        "letterDate",
        () ->
            lifecycle.recordReferral(
                criminal, version(criminal), "POLICE", "1", LocalDate.now().plusDays(3)));
    investigator.run(
        () ->
            lifecycle.recordReferral(criminal, version(criminal), "POLICE", "1", LocalDate.now()));
    assertRefused(
        "referral.notExpected",
        () ->
            lifecycle.recordReferral(criminal, version(criminal), "POLICE", "2", LocalDate.now()));
    assertProblem(
        "outcome",
        () ->
            lifecycle.recordReferralOutcome(
                criminal,
                version(criminal),
                ReferralOutcome.PENALTY_IMPOSED,
                BigDecimal.TEN,
                null));

    long blocking = newCase();
    route(blocking, false, ProhibitedBy.LAW, "Law on Gambling, art. 9");
    assertRefused(
        "close.blockingOpen", () -> lifecycle.closeCase(blocking, version(blocking), null));
    assertRefused(
        "referral.notExpected",
        () ->
            lifecycle.recordReferral(blocking, version(blocking), "POLICE", "1", LocalDate.now()));

    long closed = newCase();
    investigator.run(() -> lifecycle.dismiss(closed, version(closed), "no violation"));
    investigator.run(() -> lifecycle.closeCase(closed, version(closed), null));
    long sealedVersion = version(closed);
    assertThrows(
        CaseSealedException.class,
        () -> investigator.run(() -> lifecycle.closeCase(closed, sealedVersion, null)));
    assertThrows(
        CaseSealedException.class,
        () -> investigator.run(() -> lifecycle.dismiss(closed, sealedVersion, "again")));
    assertThrows(
        CaseSealedException.class,
        () ->
            investigator.run(
                () ->
                    lifecycle.decideRoute(
                        closed, sealedVersion, true, ProhibitedBy.NONE, null, null, null)));
    assertFalse(open(closed).actions().any());
  }

  @Test
  void aCriminalReferralTakesNoPenaltyInMrp() throws Exception {
    long criminal = referredCase(true, "POLICE", "9/1", LocalDate.now());
    // Neither a penalty outcome nor an amount beside a criminal outcome.
    assertProblem(
        "outcome",
        () ->
            lifecycle.recordReferralOutcome(
                criminal,
                version(criminal),
                ReferralOutcome.PENALTY_IMPOSED,
                new BigDecimal("50"),
                null));
    InvalidInputException amount =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.run(
                    () ->
                        lifecycle.recordReferralOutcome(
                            criminal,
                            version(criminal),
                            ReferralOutcome.PROCEEDINGS_OPENED,
                            new BigDecimal("50"),
                            null)));
    assertEquals(
        List.of("outcome.penalty.notForCriminal"),
        amount.getProblems().stream().map(p -> p.messageKey()).toList());
    assertNull(open(criminal).referral().outcome());
  }

  @Test
  void theHistoryReadsAsFactsNotCodes() throws Exception {
    LocalDate letterDate = LocalDate.now().minusDays(2);
    long administrative = referredCase(false, "GAMBLING_REGULATOR", "07-11/99", letterDate);
    investigator.run(
        () ->
            lifecycle.recordReferralOutcome(
                administrative,
                version(administrative),
                ReferralOutcome.PENALTY_IMPOSED,
                new BigDecimal("158.45"),
                "Paid."));
    CaseDetails d = open(administrative);
    String name = "Test " + investigator.username();
    // People by name, not login.
    assertEquals(name, d.referral().sentByName());
    assertEquals(name, d.referral().outcomeByName());
    assertTrue(d.history().stream().allMatch(e -> name.equals(e.actorName())));
    // The referral: the body (with its names), the letter and its date apart, no codes in text.
    CaseDetails.EventView sent = d.history().get(2);
    assertEquals(CaseEvent.Type.REFERRAL_SENT, sent.type());
    assertEquals("GAMBLING_REGULATOR", sent.body().code());
    assertEquals("07-11/99", sent.letterNumber());
    assertEquals(letterDate, sent.date());
    assertNull(sent.detail());
    CaseDetails.EventView outcome = d.history().get(3);
    assertEquals(ReferralOutcome.PENALTY_IMPOSED, outcome.outcome());
    assertEquals(0, new BigDecimal("158.45").compareTo(outcome.amount()));
    assertEquals("Paid.", outcome.detail());
    // A change of state tells where from and where to.
    CaseDetails.EventView routed = d.history().get(1);
    assertEquals(CaseStatus.REGISTERED, routed.fromStatus());
    assertEquals(CaseStatus.ADMINISTRATIVE_REFERRAL, routed.toStatus());

    long dismissed = newCase();
    investigator.run(() -> lifecycle.dismiss(dismissed, version(dismissed), "A news report."));
    CaseDetails dd = open(dismissed);
    assertNotNull(dd.dismissedAt());
    assertEquals(dd.history().get(1).occurredAt(), dd.dismissedAt());
    assertEquals(CaseStatus.REGISTERED, dd.history().get(1).fromStatus());
    assertEquals(CaseStatus.DISMISSED, dd.history().get(1).toStatus());
    assertEquals("A news report.", dd.dismissalReason());
    investigator.run(() -> lifecycle.closeCase(dismissed, version(dismissed), null));
    // Closing later does not move the dismissal date.
    assertEquals(dd.dismissedAt(), open(dismissed).dismissedAt());
  }

  @Test
  void aChangeBySomeoneElseIsDetectedNotOverwritten() throws Exception {
    long c = newCase();
    long seen = version(c);
    User colleague = db.user("life2", "afm", "investigator");
    colleague.run(() -> lifecycle.dismiss(c, seen, "duplicate of another case"));

    assertThrows(
        ConcurrentChangeException.class,
        () ->
            investigator.run(
                () -> lifecycle.decideRoute(c, seen, true, ProhibitedBy.NONE, null, null, null)));
    assertEquals(CaseStatus.DISMISSED, open(c).status());

    // Two people acting at the same moment on the same version: one wins, one is told.
    long d = newCase();
    long v = version(d);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Object> a =
          pool.submit(
              () ->
                  investigator.call(
                      () ->
                          lifecycle.decideRoute(d, v, true, ProhibitedBy.NONE, null, null, null)));
      Future<Object> b =
          pool.submit(
              () ->
                  colleague.call(
                      () -> {
                        lifecycle.dismiss(d, v, "not a violation");
                        return null;
                      }));
      List<Throwable> failures = new ArrayList<>();
      for (Future<Object> f : List.of(a, b)) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertEquals(1, failures.size(), failures.toString());
      // Whether the loser read before or after the winner's commit, its version is stale: it is
      // told that someone else changed the case (a status check alone would miss the race).
      assertTrue(failures.get(0) instanceof ConcurrentChangeException, failures.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, open(d).history().size());
  }

  @Test
  void onlyInvestigatorsOfTheCasesOrganisationChangeIt() throws Exception {
    long c = newCase();
    long v = version(c);
    User supervisor = db.user("sup", "afm", "supervisor");
    User ministry = db.user("min", "mci", "investigator");
    assertThrows(
        EJBAccessException.class, () -> supervisor.run(() -> lifecycle.dismiss(c, v, "x")));
    assertThrows(
        AccessDeniedException.class, () -> ministry.run(() -> lifecycle.dismiss(c, v, "x")));
    assertEquals(CaseStatus.REGISTERED, open(c).status());
  }

  private long newCase() throws Exception {
    return given.registerCase(investigator, "life");
  }

  /**
   * A new case routed to a referral, criminal or administrative (not prohibited), and sent to
   * {@code body} with an outgoing letter.
   */
  private long referredCase(boolean crime, String body, String letter, LocalDate date)
      throws Exception {
    long c = newCase();
    route(c, crime, ProhibitedBy.NONE, null);
    investigator.run(() -> lifecycle.recordReferral(c, version(c), body, letter, date));
    return c;
  }

  private CaseStatus route(long c, boolean crime, ProhibitedBy by, String reference)
      throws Exception {
    return investigator.call(
        () -> lifecycle.decideRoute(c, version(c), crime, by, null, reference, null));
  }

  private CaseDetails open(long c) throws Exception {
    return investigator.call(() -> cases.openCase(c));
  }

  private long version(long c) throws Exception {
    return open(c).version();
  }

  private void assertRefused(String key, TestAction action) {
    DozorException e = assertThrows(DozorException.class, () -> investigator.run(action::run));
    assertEquals(key, e.getMessageKey(), e.toString());
  }

  private void assertProblem(String field, TestAction action) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> investigator.run(action::run));
    assertTrue(
        e.getProblems().stream().anyMatch(p -> p.field().equals(field)),
        e.getProblems().toString());
  }

  /** A call that may throw. */
  @FunctionalInterface
  interface TestAction {
    void run() throws Exception;
  }
}
