package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.notices.BulkDecision;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeItemFilter;
import kz.gov.dozor.ejb.notices.NoticeItemFilter.State;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One decision of the ministry on many resources of a notification, in the real server. */
@ExtendWith(ArquillianExtension.class)
class BulkDecisionIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(BulkDecisionIT.class);
  }

  @Inject Procedures given;
  @Inject NoticeService notices;

  TestData db;
  User investigator;
  User supervisor;
  User officer;
  User secondOfficer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("binv", "afm", "investigator");
    supervisor = db.user("bsup", "afm", "supervisor");
    officer = db.user("boff", "mci", "officer");
    secondOfficer = db.user("boff2", "mci", "officer");
  }

  @Test
  void blocksAThousandResourcesInOneDecision() throws Exception {
    long notice = sentNotice(1000, "bulk");
    NoticeDetails sent = officer.call(() -> notices.open(notice));
    assertEquals(1000, sent.resourceCount());
    assertEquals(1000, sent.pendingCount());
    assertEquals(50, sent.resources().size(), "the page gets the first page, not all of them");
    assertEquals(
        20, officer.call(() -> notices.items(notice, NoticeItemFilter.ALL, 980, 20)).size());

    long started = System.nanoTime();
    BulkDecision done =
        officer.call(
            () ->
                notices.decideMany(
                    notice,
                    sent.version(),
                    NoticeItemFilter.ALL,
                    null,
                    ResourceDecision.BLOCK,
                    " MCI-1000 ",
                    TODAY,
                    null));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("BulkDecisionIT: one decision on 1,000 resources took " + millis + " ms");

    assertEquals(new BulkDecision(1000, 0, true), done);
    NoticeDetails decided = officer.call(() -> notices.open(notice));
    assertEquals(NoticeStatus.DECIDED, decided.status());
    assertEquals(0, decided.pendingCount());
    assertEquals(
        1000L,
        db.count(
            "select count(*) from registry_entry where notice_id = ? and active"
                + " and decision_number = 'MCI-1000' and issuing_body = 'MCI'",
            notice));
    assertEquals(
        1000L,
        db.count(
            "select count(*) from block_notice_resource where notice_id = ? and decision = 'BLOCK'"
                + " and decision_number = 'MCI-1000' and decided_by = ?",
            notice,
            officer.username()));
    // One entry for the decision in the history and in the audit log, not a thousand.
    assertEquals(
        1L,
        db.count(
            "select count(*) from notice_event where notice_id = ? and type = 'RESOURCES_BLOCKED'"
                + " and detail = '1000 · MCI-1000'",
            notice));
    assertEquals(
        1L,
        db.count(
            "select count(*) from audit_entry where action = 'RESOURCE_DECIDED'"
                + " and subject_type = 'notice' and subject_id = ?",
            String.valueOf(notice)));
    NoticeDetails.Item first = decided.resources().get(0);
    assertEquals(ResourceDecision.BLOCK, first.decision());
    assertTrue(first.blockActive());
  }

  @Test
  void skipsWhatWasDecidedAndMovesOnWhenNothingWaits() throws Exception {
    long notice = sentNotice(6, "mixed");
    List<NoticeDetails.Item> items =
        officer.call(() -> notices.items(notice, NoticeItemFilter.ALL, 0, 20));
    assertEquals(6, items.size());
    given.decide(
        officer, notice, items.get(0).id(), ResourceDecision.REFUSE, null, null, "Not gambling.");

    // Three picked, one of them refused already: two blocked, one skipped, three still wait.
    BulkDecision picked =
        officer.call(
            () ->
                notices.decideMany(
                    notice,
                    given.noticeVersion(notice),
                    NoticeItemFilter.ALL,
                    Set.of(items.get(0).id(), items.get(1).id(), items.get(2).id()),
                    ResourceDecision.BLOCK,
                    "MCI-7",
                    TODAY,
                    null));
    assertEquals(new BulkDecision(2, 1, false), picked);
    assertEquals(NoticeStatus.SENT, officer.call(() -> notices.open(notice)).status());
    assertEquals(
        3L,
        officer.call(
            () -> notices.countItems(notice, new NoticeItemFilter(null, null, State.PENDING))));

    // By filter: the URL text of one resource returns only that one.
    String host = host(items.get(3).urlNormalized());
    NoticeItemFilter oneHost = new NoticeItemFilter(null, host, null);
    assertEquals(1L, officer.call(() -> notices.countItems(notice, oneHost)));
    BulkDecision returned =
        officer.call(
            () ->
                notices.decideMany(
                    notice,
                    given.noticeVersion(notice),
                    oneHost,
                    null,
                    ResourceDecision.RETURN,
                    null,
                    null,
                    "Whose channel is it?"));
    assertEquals(new BulkDecision(1, 0, false), returned);

    // The rest, all that wait: the notification goes back to the agency with its question.
    BulkDecision rest =
        officer.call(
            () ->
                notices.decideMany(
                    notice,
                    given.noticeVersion(notice),
                    new NoticeItemFilter(null, null, State.PENDING),
                    null,
                    ResourceDecision.REFUSE,
                    null,
                    null,
                    "Already removed."));
    assertEquals(new BulkDecision(2, 0, true), rest);
    NoticeDetails after = investigator.call(() -> notices.open(notice));
    assertEquals(NoticeStatus.INFO_REQUESTED, after.status());
    assertEquals(
        1L,
        investigator.call(
            () -> notices.countItems(notice, new NoticeItemFilter(null, null, State.RETURN))));
    assertEquals(
        2L,
        db.count(
            "select count(*) from registry_entry where notice_id = ? and decision_number = 'MCI-7'",
            notice));

    // The agency answers all returned resources at once and sends the notification again.
    assertThrows(
        InvalidInputException.class,
        () ->
            investigator.run(
                () ->
                    notices.answerAndResend(
                        notice, given.noticeVersion(notice), java.util.Map.of(), " ")));
    long resend = given.noticeVersion(notice);
    investigator.run(
        () -> notices.answerAndResend(notice, resend, java.util.Map.of(), "Our own channel."));
    NoticeDetails again = officer.call(() -> notices.open(notice));
    assertEquals(NoticeStatus.SENT, again.status());
    assertEquals(1, again.pendingCount());
    assertEquals(
        "Our own channel.",
        db.single(
            "select answer from block_notice_resource where notice_id = ? and answer is not null",
            notice));
  }

  @Test
  void refusesOtherRolesOrganisationsStaleVersionsAndEmptySelections() throws Exception {
    long notice = sentNotice(3, "refused");
    long version = given.noticeVersion(notice);
    List<NoticeDetails.Item> items =
        officer.call(() -> notices.items(notice, NoticeItemFilter.ALL, 0, 20));

    assertThrows(
        EJBAccessException.class, () -> investigator.call(() -> blockAll(notice, version)));
    User agencyOfficer = db.user("bafmoff", "afm", "officer");
    assertThrows(
        AccessDeniedException.class, () -> agencyOfficer.call(() -> blockAll(notice, version)));

    InvalidInputException empty =
        assertThrows(
            InvalidInputException.class,
            () ->
                officer.call(
                    () ->
                        notices.decideMany(
                            notice,
                            version,
                            NoticeItemFilter.ALL,
                            Set.of(),
                            ResourceDecision.BLOCK,
                            "MCI-1",
                            TODAY,
                            null)));
    assertEquals("selection", empty.getProblems().get(0).field());
    InvalidInputException noNumber =
        assertThrows(
            InvalidInputException.class,
            () ->
                officer.call(
                    () ->
                        notices.decideMany(
                            notice,
                            version,
                            NoticeItemFilter.ALL,
                            null,
                            ResourceDecision.BLOCK,
                            " ",
                            TODAY,
                            null)));
    assertEquals("decisionNumber", noNumber.getProblems().get(0).field());

    // Another officer decides one resource meanwhile: the decision on the page as seen is refused
    // and stores nothing.
    given.decide(
        secondOfficer, notice, items.get(0).id(), ResourceDecision.REFUSE, null, null, "Gone.");
    assertThrows(
        ConcurrentChangeException.class, () -> officer.call(() -> blockAll(notice, version)));
    assertEquals(0L, db.count("select count(*) from registry_entry where notice_id = ?", notice));
    assertEquals(
        2L,
        db.count(
            "select count(*) from block_notice_resource where notice_id = ? and decision is null",
            notice));
    assertFalse(
        db.count(
                "select count(*) from notice_event where notice_id = ? and type like 'RESOURCES_%'",
                notice)
            > 0);
  }

  @Test
  void theAgencyNamesAllFreeResourcesThatMatchAText() throws Exception {
    List<String> urls = new java.util.ArrayList<>(Procedures.uniqueUrls("mirror-a", 6));
    urls.addAll(Procedures.uniqueUrls("other-b", 4));
    CaseDetails c = given.blockingCase(investigator, urls, 1);
    List<Long> all = investigator.call(() -> notices.resourcesToNotify(c.id(), " "));
    assertEquals(10, all.size());
    List<Long> mirrors = investigator.call(() -> notices.resourcesToNotify(c.id(), "MIRROR-A"));
    assertEquals(6, mirrors.size());
    assertTrue(all.containsAll(mirrors));

    // Once named in a notification, they are no longer free; the others still are.
    given.submit(investigator, c, mirrors, List.of(c.evidence().get(0).id()));
    assertEquals(List.of(), investigator.call(() -> notices.resourcesToNotify(c.id(), "mirror-a")));
    assertEquals(4, investigator.call(() -> notices.resourcesToNotify(c.id(), null)).size());
    // A supervisor reads cases but drafts nothing.
    assertThrows(
        EJBAccessException.class,
        () -> supervisor.call(() -> notices.resourcesToNotify(c.id(), "mirror-a")));
  }

  private BulkDecision blockAll(long notice, long version) {
    return notices.decideMany(
        notice, version, NoticeItemFilter.ALL, null, ResourceDecision.BLOCK, "MCI-1", TODAY, null);
  }

  /** A notification on {@code count} new resources, signed off and sent to the ministry. */
  private long sentNotice(int count, String prefix) throws Exception {
    return given.sentNotice(investigator, supervisor, Procedures.uniqueUrls(prefix, count));
  }

  private static String host(String url) {
    return java.net.URI.create(url).getHost();
  }
}
