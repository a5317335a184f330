package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseLifecycleService;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.cases.TransitionNotAllowedException;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.notices.FourEyesException;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.registry.RegistryService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Block notifications across the agency and the ministry, in the real server. */
@ExtendWith(ArquillianExtension.class)
class NoticeFlowIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(NoticeFlowIT.class);
  }

  @Inject Procedures given;
  @Inject CaseService cases;
  @Inject CaseLifecycleService lifecycle;
  @Inject EvidenceService evidence;
  @Inject NoticeService notices;
  @Inject RegistryService registry;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("ninv", "afm", "investigator");
    supervisor = db.user("nsup", "afm", "supervisor");
    officer = db.user("noff", "mci", "officer");
  }

  @Test
  void fromDraftToDecisionRegistryAndRestoration() throws Exception {
    CaseDetails c = given.blockingCase(investigator, Procedures.uniqueUrls("casino", 2), 2);
    long attached = c.evidence().get(0).id();
    long notAttached = c.evidence().get(1).id();
    long notice =
        given.submit(
            investigator,
            c,
            List.of(c.resources().get(0).id(), c.resources().get(1).id()),
            List.of(attached));

    // Before sign-off the ministry sees nothing of it.
    assertThrows(AccessDeniedException.class, () -> officer.call(() -> notices.open(notice)));
    assertThrows(
        AccessDeniedException.class,
        () -> officer.call(() -> evidence.open(attached, Action.DOWNLOAD, null)));

    String number = supervisor.call(() -> notices.signOff(notice, version(notice), "OK"));
    assertTrue(number.matches("AFM-N-\\d{4}-\\d{6}"), number);
    assertEquals(
        List.of(notice),
        officer.call(() -> notices.ministryInbox()).stream()
            .map(r -> r.id())
            .filter(id -> id == notice)
            .toList());

    NoticeDetails sent = officer.call(() -> notices.open(notice));
    assertEquals(NoticeStatus.SENT, sent.status());
    assertNotNull(officer.call(() -> evidence.open(attached, Action.DOWNLOAD, null)));
    // Evidence of the case that was not attached stays with the agency.
    assertThrows(
        AccessDeniedException.class,
        () -> officer.call(() -> evidence.open(notAttached, Action.DOWNLOAD, null)));

    long first = sent.resources().get(0).id();
    long second = sent.resources().get(1).id();
    InvalidInputException missing =
        assertThrows(
            InvalidInputException.class,
            () ->
                officer.run(
                    () ->
                        notices.decide(
                            notice,
                            sent.version(),
                            first,
                            ResourceDecision.BLOCK,
                            " ",
                            null,
                            null)));
    assertEquals(2, missing.getProblems().size());
    officer.run(
        () ->
            notices.decide(
                notice,
                version(notice),
                first,
                ResourceDecision.BLOCK,
                "МКИ-15/2026",
                LocalDate.now(),
                null));
    officer.run(
        () ->
            notices.decide(
                notice,
                version(notice),
                second,
                ResourceDecision.RETURN,
                null,
                null,
                "Who owns the channel?"));
    assertEquals(NoticeStatus.INFO_REQUESTED, open(notice).status());
    assertThrows(
        TransitionNotAllowedException.class,
        () ->
            officer.run(
                () ->
                    notices.decide(
                        notice,
                        version(notice),
                        second,
                        ResourceDecision.REFUSE,
                        null,
                        null,
                        "x")));

    assertThrows(
        InvalidInputException.class,
        () -> investigator.run(() -> notices.answerAndResend(notice, version(notice), Map.of())));
    investigator.run(
        () ->
            notices.answerAndResend(
                notice, version(notice), Map.of(second, "An anonymous channel; see evidence 2.")));
    NoticeDetails round2 = open(notice);
    assertEquals(NoticeStatus.SENT, round2.status());
    assertEquals(2, round2.round());
    officer.run(
        () ->
            notices.decide(
                notice,
                version(notice),
                second,
                ResourceDecision.REFUSE,
                null,
                null,
                "Content already removed."));

    NoticeDetails decided = open(notice);
    assertEquals(NoticeStatus.DECIDED, decided.status());
    assertNotNull(decided.decidedAt());
    assertEquals(ResourceDecision.BLOCK, decided.resources().get(0).decision());
    assertTrue(decided.resources().get(0).blockActive());
    assertEquals("An anonymous channel; see evidence 2.", decided.resources().get(1).answer());
    List<NoticeEvent.Type> steps = decided.history().stream().map(s -> s.type()).toList();
    assertEquals(
        List.of(
            NoticeEvent.Type.SUBMITTED,
            NoticeEvent.Type.SIGNED_OFF_AND_SENT,
            NoticeEvent.Type.RESOURCE_BLOCKED,
            NoticeEvent.Type.RESOURCE_RETURNED,
            NoticeEvent.Type.INFO_REQUESTED,
            NoticeEvent.Type.ANSWERED_AND_RESENT,
            NoticeEvent.Type.RESOURCE_REFUSED,
            NoticeEvent.Type.DECIDED),
        steps);
    assertEquals(2, decided.history().get(decided.history().size() - 1).round());

    // The registry shows the block with its decision, for both organisations.
    String url = c.resources().get(0).urlNormalized();
    var entries = investigator.call(() -> registry.find(true, url, 0, 10));
    assertEquals(1, entries.size());
    assertEquals("МКИ-15/2026", entries.get(0).decisionNumber());
    assertEquals(number, entries.get(0).noticeNumber());
    assertEquals(1, officer.call(() -> registry.count(true, url)));

    // Every resource has its final outcome: the case can close.
    investigator.run(() -> lifecycle.closeCase(c.id(), cases.openCase(c.id()).version(), null));
    assertEquals(CaseStatus.CLOSED, investigator.call(() -> cases.openCase(c.id())).status());

    // Later the owner removes the content: the officer lifts the block.
    long entry = decided.resources().get(0).registryEntryId();
    long entryVersion = decided.resources().get(0).registryVersion();
    assertThrows(
        InvalidInputException.class,
        () -> officer.run(() -> notices.liftBlock(entry, entryVersion, "")));
    officer.run(() -> notices.liftBlock(entry, entryVersion, "Content removed by the owner."));
    assertThrows(
        ConcurrentChangeException.class,
        () -> officer.run(() -> notices.liftBlock(entry, entryVersion, "again")));
    assertEquals(0, officer.call(() -> registry.count(true, url)));
    var lifted = officer.call(() -> registry.find(false, url, 0, 10));
    assertEquals("Content removed by the owner.", lifted.get(0).liftReason());
    assertNotNull(lifted.get(0).liftedAt());
    assertFalse(open(notice).resources().get(0).blockActive());
  }

  @Test
  void nobodySignsOffTheirOwnDraftAndReturnsGoBackForCorrection() throws Exception {
    User both = db.user("nboth", "afm", "investigator", "supervisor");
    CaseDetails c = given.blockingCase(both, "casino");
    long notice = given.submit(both, c);

    assertThrows(
        FourEyesException.class,
        () -> both.call(() -> notices.signOff(notice, version(notice), null)));
    assertEquals(NoticeStatus.AWAITING_SIGN_OFF, open(notice).status());

    assertThrows(
        InvalidInputException.class,
        () -> supervisor.run(() -> notices.returnToInvestigator(notice, version(notice), " ")));
    supervisor.run(
        () -> notices.returnToInvestigator(notice, version(notice), "Attach the court decision."));
    assertEquals(NoticeStatus.RETURNED_BY_SUPERVISOR, open(notice).status());
    assertThrows(
        TransitionNotAllowedException.class,
        () -> supervisor.call(() -> notices.signOff(notice, version(notice), null)));
    both.run(
        () ->
            notices.resubmit(
                notice,
                version(notice),
                null,
                "Court decision No. 2-15/2026",
                "Unlicensed casino, see decision."));
    supervisor.call(() -> notices.signOff(notice, version(notice), null));
    assertEquals(NoticeStatus.SENT, open(notice).status());
  }

  @Test
  void eachSideIsKeptToItsOwnWork() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "casino");
    long notice = given.submit(investigator, c);
    long item = open(notice).resources().get(0).id();
    User otherOfficer = db.user("noff2", "afm", "officer");

    assertThrows(
        EJBAccessException.class,
        () ->
            investigator.run(
                () ->
                    notices.decide(
                        notice,
                        version(notice),
                        item,
                        ResourceDecision.BLOCK,
                        "1",
                        LocalDate.now(),
                        null)));
    assertThrows(
        EJBAccessException.class,
        () -> officer.call(() -> notices.signOff(notice, version(notice), null)));
    assertThrows(EJBAccessException.class, () -> officer.call(() -> notices.awaitingSignOff()));
    assertThrows(
        AccessDeniedException.class,
        () ->
            officer.run(
                () ->
                    notices.decide(
                        notice,
                        version(notice),
                        item,
                        ResourceDecision.BLOCK,
                        "1",
                        LocalDate.now(),
                        null)));
    assertThrows(
        AccessDeniedException.class, () -> otherOfficer.call(() -> notices.ministryInbox()));
    assertThrows(EJBAccessException.class, () -> officer.call(() -> cases.openCase(c.id())));
    // A resource already in an open notification cannot be sent twice.
    assertThrows(InvalidInputException.class, () -> given.submit(investigator, c));
    // Only cases on the blocking route get notifications.
    CaseDetails registered =
        given.openCase(investigator, given.registerCase(investigator, "casino"));
    assertThrows(TransitionNotAllowedException.class, () -> given.submit(investigator, registered));
  }

  private NoticeDetails open(long notice) throws Exception {
    return investigator.call(() -> notices.open(notice));
  }

  private long version(long notice) throws Exception {
    return open(notice).version();
  }
}
