package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.EventView;
import kz.gov.dozor.ejb.cases.CaseDetails.OutcomeStep;
import kz.gov.dozor.ejb.cases.CaseDetails.OutcomeStep.Step;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceOutcome;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case page follows each resource to the ministry's answer: sent in which notification, blocked
 * (decision number, date, body), refused (reason), returned (question and answer), lifted (when, by
 * whom, why); and the case's history carries the notification's hand-overs.
 */
@ExtendWith(ArquillianExtension.class)
class CaseMinistryAnswerIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaseMinistryAnswerIT.class);
  }

  @Inject Procedures given;
  @Inject CaseService cases;
  @Inject NoticeService notices;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("ainv", "afm", "investigator");
    supervisor = db.user("asup", "afm", "supervisor");
    officer = db.user("aoff", "mci", "officer");
  }

  @Test
  void eachResourceShowsTheMinistrysAnswerAndHowItGotThere() throws Exception {
    long caseId = given.blockingCase(investigator, Procedures.uniqueUrls("answer", 3), 1).id();
    CaseDetails before = open(caseId);
    for (ResourceView r : before.resources()) {
      assertNull(r.outcome(), "not sent yet: " + r);
      assertTrue(r.steps().isEmpty());
    }
    String blockedUrl = before.resources().get(0).urlNormalized();
    String refusedUrl = before.resources().get(1).urlNormalized();
    String returnedUrl = before.resources().get(2).urlNormalized();

    long notice =
        given.submit(
            investigator,
            before,
            before.resources().stream().map(ResourceView::id).toList(),
            List.of(before.evidence().get(0).id()));
    assertEquals(
        List.of(ResourceOutcome.IN_REVIEW, ResourceOutcome.IN_REVIEW, ResourceOutcome.IN_REVIEW),
        outcomes(caseId));

    String number = given.signOff(supervisor, notice, "OK");
    assertEquals(
        List.of(
            ResourceOutcome.AWAITING_DECISION,
            ResourceOutcome.AWAITING_DECISION,
            ResourceOutcome.AWAITING_DECISION),
        outcomes(caseId));

    LocalDate decisionDate = LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1);
    decide(notice, blockedUrl, ResourceDecision.BLOCK, "MCI-7/2026", decisionDate, null);
    decide(notice, refusedUrl, ResourceDecision.REFUSE, null, null, "Not gambling: a news site.");
    decide(notice, returnedUrl, ResourceDecision.RETURN, null, null, "Who owns the domain?");
    assertEquals(
        List.of(ResourceOutcome.BLOCKED, ResourceOutcome.REFUSED, ResourceOutcome.RETURNED),
        outcomes(caseId));

    long returnedItem = item(notice, returnedUrl).id();
    investigator.run(
        () ->
            notices.answerAndResend(
                notice, version(notice), Map.of(returnedItem, "A company in Curaçao.")));
    decide(notice, returnedUrl, ResourceDecision.REFUSE, null, null, "Already blocked elsewhere.");

    NoticeDetails.Item blocked = item(notice, blockedUrl);
    officer.run(
        () ->
            notices.liftBlock(
                blocked.registryEntryId(), blocked.registryVersion(), "Content removed."));

    CaseDetails after = open(caseId);
    assertEquals(
        List.of(ResourceOutcome.LIFTED, ResourceOutcome.REFUSED, ResourceOutcome.REFUSED),
        outcomes(caseId));
    String officerName = "Test " + officer.username();
    String supervisorName = "Test " + supervisor.username();
    String investigatorName = "Test " + investigator.username();

    // Blocked, then lifted: the decision with its number, date and body; who lifted it and why.
    List<OutcomeStep> first = after.resources().get(0).steps();
    assertEquals(List.of(Step.SENT, Step.BLOCKED, Step.LIFTED), steps(first));
    assertEquals(number, first.get(0).noticeNumber());
    assertEquals(Long.valueOf(notice), first.get(0).noticeId());
    assertEquals(supervisorName, first.get(0).actorName());
    assertEquals("MCI-7/2026", first.get(1).decisionNumber());
    assertEquals(decisionDate, first.get(1).decisionDate());
    assertEquals("MCI", first.get(1).issuingBody());
    assertEquals(officerName, first.get(1).actorName());
    assertEquals("Content removed.", first.get(2).text());
    assertEquals(officerName, first.get(2).actorName());
    assertTrue(!first.get(2).at().isBefore(first.get(1).at()));

    // Refused, with the reason.
    List<OutcomeStep> second = after.resources().get(1).steps();
    assertEquals(List.of(Step.SENT, Step.REFUSED), steps(second));
    assertEquals("Not gambling: a news site.", second.get(1).text());
    assertEquals(officerName, second.get(1).actorName());

    // Returned with a question, answered, then refused.
    List<OutcomeStep> third = after.resources().get(2).steps();
    assertEquals(List.of(Step.SENT, Step.RETURNED, Step.ANSWERED, Step.REFUSED), steps(third));
    assertEquals("Who owns the domain?", third.get(1).text());
    assertEquals("A company in Curaçao.", third.get(2).text());
    assertEquals(investigatorName, third.get(2).actorName());
    assertEquals("Already blocked elsewhere.", third.get(3).text());

    // The case's history holds the notification's hand-overs, in time order, after routing.
    List<EventView> history = after.history();
    List<NoticeEvent.Type> handOvers =
        history.stream().map(EventView::noticeType).filter(t -> t != null).toList();
    assertEquals(
        List.of(
            NoticeEvent.Type.SUBMITTED,
            NoticeEvent.Type.SIGNED_OFF_AND_SENT,
            NoticeEvent.Type.RESOURCE_BLOCKED,
            NoticeEvent.Type.RESOURCE_REFUSED,
            NoticeEvent.Type.RESOURCE_RETURNED,
            NoticeEvent.Type.INFO_REQUESTED,
            NoticeEvent.Type.ANSWERED_AND_RESENT,
            NoticeEvent.Type.RESOURCE_REFUSED,
            NoticeEvent.Type.DECIDED,
            NoticeEvent.Type.BLOCK_LIFTED),
        handOvers);
    for (int i = 1; i < history.size(); i++) {
      assertTrue(!history.get(i).occurredAt().isBefore(history.get(i - 1).occurredAt()));
    }
    EventView blockedEvent = only(history, NoticeEvent.Type.RESOURCE_BLOCKED);
    assertEquals("MCI-7/2026", blockedEvent.decisionNumber());
    assertEquals(decisionDate, blockedEvent.date());
    assertEquals(before.resources().get(0).urlOriginal(), blockedEvent.url());
    assertNull(blockedEvent.detail(), "no codes or URLs left in the free text");
    assertEquals(number, blockedEvent.noticeNumber());
    assertEquals(officerName, blockedEvent.actorName());
    EventView returned = only(history, NoticeEvent.Type.RESOURCE_RETURNED);
    assertEquals("Who owns the domain?", returned.detail());
    assertEquals(before.resources().get(2).urlOriginal(), returned.url());
    EventView lifted = only(history, NoticeEvent.Type.BLOCK_LIFTED);
    assertEquals("Content removed.", lifted.detail());
    assertEquals(number, only(history, NoticeEvent.Type.SIGNED_OFF_AND_SENT).noticeNumber());
    assertNull(only(history, NoticeEvent.Type.SIGNED_OFF_AND_SENT).detail());
  }

  private static EventView only(List<EventView> history, NoticeEvent.Type type) {
    List<EventView> found = history.stream().filter(e -> e.noticeType() == type).toList();
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  private static List<Step> steps(List<OutcomeStep> steps) {
    return steps.stream().map(OutcomeStep::step).toList();
  }

  private List<ResourceOutcome> outcomes(long caseId) throws Exception {
    return open(caseId).resources().stream().map(ResourceView::outcome).toList();
  }

  private void decide(
      long notice,
      String url,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate date,
      String text)
      throws Exception {
    given.decide(officer, notice, item(notice, url).id(), decision, decisionNumber, date, text);
  }

  private NoticeDetails.Item item(long notice, String url) throws Exception {
    return investigator.call(() -> notices.open(notice)).resources().stream()
        .filter(i -> i.urlNormalized().equals(url))
        .findFirst()
        .orElseThrow();
  }

  private long version(long notice) throws Exception {
    return investigator.call(() -> notices.open(notice)).version();
  }

  private CaseDetails open(long c) throws Exception {
    return investigator.call(() -> cases.openCase(c));
  }
}
