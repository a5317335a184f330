package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.notices.ArchiveFilter;
import kz.gov.dozor.ejb.notices.NoticeArchive;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeRow;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.registry.RegistryRow;
import kz.gov.dozor.ejb.registry.RegistryService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ministry's side of notifications in the real server: what an officer sees of a notification,
 * the archive of everything the ministry received, and who lifted a block.
 */
@ExtendWith(ArquillianExtension.class)
class MinistryViewIT {

  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(MinistryViewIT.class);
  }

  @Inject Procedures given;
  @Inject NoticeService notices;
  @Inject NoticeArchive archive;
  @Inject RegistryService registry;

  TestData db;
  User investigator;
  User supervisor;
  User officer;
  String marker;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("minv", "afm", "investigator");
    supervisor = db.user("msup", "afm", "supervisor");
    officer = db.user("moff", "mci", "officer");
    marker = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theMinistrySeesANotificationFromItsSendingOnwardAndTheAgencyAllOfIt() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "arch-" + marker);
    long notice = given.submit(investigator, c);
    String returnComment = "Internal " + marker + ": cite the court decision, not the law.";
    supervisor.run(() -> notices.returnToInvestigator(notice, version(notice), returnComment));
    investigator.run(
        () ->
            notices.resubmit(
                notice,
                version(notice),
                null,
                "Court decision No. 2-15/2026",
                "Corrected " + marker));
    String signOffComment = "Checked " + marker + " internally.";
    String number = given.signOff(supervisor, notice, signOffComment);

    NoticeDetails agency = investigator.call(() -> notices.open(notice));
    assertFalse(agency.ministryView());
    assertEquals(
        List.of(
            NoticeEvent.Type.SUBMITTED,
            NoticeEvent.Type.RETURNED_BY_SUPERVISOR,
            NoticeEvent.Type.SUBMITTED,
            NoticeEvent.Type.SIGNED_OFF_AND_SENT),
        types(agency));
    assertEquals(returnComment, agency.history().get(1).detail());
    assertEquals(signOffComment, agency.reviewComment());
    assertEquals(investigator.username(), agency.draftedBy());

    NoticeDetails ministry = officer.call(() -> notices.open(notice));
    assertTrue(ministry.ministryView());
    assertEquals(List.of(NoticeEvent.Type.SIGNED_OFF_AND_SENT), types(ministry));
    assertEquals(number, ministry.history().get(0).detail());
    assertNull(ministry.reviewComment());
    assertNull(ministry.draftedBy());
    assertNull(ministry.draftedAt());
    assertNull(ministry.draftedByName());
    // What was sent is there: the corrected text and who signed it off.
    assertEquals("Corrected " + marker, ministry.justification());
    assertEquals("Test " + supervisor.username(), ministry.reviewedByName());
    assertFalse(
        ministry.toString().contains(returnComment)
            || ministry.toString().contains(marker + " internally"),
        "no internal comment reaches the ministry: " + ministry);

    // Later rounds with the ministry stay visible to it; the agency's early review still does not.
    long item = ministry.resources().get(0).id();
    given.decide(officer, notice, item, ResourceDecision.RETURN, null, null, "Whose is it?");
    investigator.run(
        () -> notices.answerAndResend(notice, version(notice), Map.of(item, "An anonymous one.")));
    assertEquals(
        List.of(
            NoticeEvent.Type.SIGNED_OFF_AND_SENT,
            NoticeEvent.Type.RESOURCE_RETURNED,
            NoticeEvent.Type.INFO_REQUESTED,
            NoticeEvent.Type.ANSWERED_AND_RESENT),
        types(officer.call(() -> notices.open(notice))));
    assertEquals(7, investigator.call(() -> notices.open(notice)).history().size());
  }

  @Test
  void theArchiveFindsEveryNotificationTheMinistryReceivedByStatusDatesNumberAndUrl()
      throws Exception {
    // Three notifications of one marker: decided, sent and awaiting a decision, never sent.
    CaseDetails c1 = given.blockingCase(investigator, "arch-" + marker);
    long decided = given.submit(investigator, c1);
    String decidedNumber = given.signOff(supervisor, decided, null);
    long item = officer.call(() -> notices.open(decided)).resources().get(0).id();
    given.decide(officer, decided, item, ResourceDecision.REFUSE, null, null, "Already removed.");
    CaseDetails c2 = given.blockingCase(investigator, "arch-" + marker);
    long sent = given.submit(investigator, c2);
    String sentNumber = given.signOff(supervisor, sent, null);
    CaseDetails c3 = given.blockingCase(investigator, "arch-" + marker);
    long draft = given.submit(investigator, c3);

    LocalDate today = LocalDate.now(ALMATY);
    LocalDate yesterday = today.minusDays(1);

    // The inbox holds only the one awaiting a decision; the archive holds both received ones.
    List<Long> inbox =
        officer.call(() -> notices.ministryInbox()).stream().map(NoticeRow::id).toList();
    assertTrue(inbox.contains(sent));
    assertFalse(inbox.contains(decided));
    assertEquals(List.of(sent, decided), ids(filter(null, null, null, null, null, null, marker)));
    assertEquals(
        2, officer.call(() -> archive.count(filter(null, null, null, null, null, null, marker))));
    assertFalse(ids(filter(null, null, null, null, null, null, marker)).contains(draft));

    // By status.
    assertEquals(
        List.of(decided), ids(filter(NoticeStatus.DECIDED, null, null, null, null, null, marker)));
    assertEquals(
        List.of(sent), ids(filter(NoticeStatus.SENT, null, null, null, null, null, marker)));
    // By outgoing number, any part of it, in any case.
    assertEquals(
        List.of(decided),
        ids(filter(null, null, null, null, null, decidedNumber.toLowerCase(), null)));
    assertEquals(List.of(sent), ids(filter(null, null, null, null, null, sentNumber, marker)));
    // By the day received and the day decided (Almaty days, both ends included).
    assertEquals(List.of(sent, decided), ids(filter(null, today, today, null, null, null, marker)));
    assertEquals(List.of(), ids(filter(null, null, yesterday, null, null, null, marker)));
    assertEquals(List.of(), ids(filter(null, today.plusDays(1), null, null, null, null, marker)));
    assertEquals(List.of(decided), ids(filter(null, null, null, today, today, null, marker)));
    assertEquals(List.of(), ids(filter(null, null, null, null, yesterday, null, marker)));
    // A page at a time, newest received first.
    ArchiveFilter all = filter(null, null, null, null, null, null, marker);
    assertEquals(
        List.of(decided),
        officer.call(() -> archive.find(all, 1, 1)).stream().map(NoticeRow::id).toList());
    NoticeRow row = officer.call(() -> archive.find(all, 0, 1)).get(0);
    assertEquals(sentNumber, row.outgoingNumber());
    assertEquals(c2.registrationNumber(), row.caseNumber());
    assertTrue(row.firstUrl().contains(marker), row.firstUrl());
    assertTrue(row.receivedAt() != null && row.decidedAt() == null, row.toString());
    // Nothing of the agency's internal work reaches the ministry's lists either.
    assertNull(row.draftedBy());
    assertNull(row.draftedByName());
    assertNull(row.submittedAt());
    NoticeRow inboxRow =
        officer.call(() -> notices.ministryInbox()).stream()
            .filter(r -> r.id() == sent)
            .findFirst()
            .orElseThrow();
    assertNull(inboxRow.draftedBy());
    assertNull(inboxRow.submittedAt());

    // Only the ministry's officers have it.
    assertThrows(EJBAccessException.class, () -> investigator.call(() -> archive.count(all)));
    User agencyOfficer = db.user("moffafm", "afm", "officer");
    assertThrows(AccessDeniedException.class, () -> agencyOfficer.call(() -> archive.count(all)));
  }

  @Test
  void theReceivedDayStaysTheFirstSendingAfterLaterRounds() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "arch-" + marker);
    long notice = given.submit(investigator, c);
    given.signOff(supervisor, notice, null);
    Instant first = receivedAt(notice);
    long item = officer.call(() -> notices.open(notice)).resources().get(0).id();
    given.decide(officer, notice, item, ResourceDecision.RETURN, null, null, "Whose?");
    investigator.run(
        () -> notices.answerAndResend(notice, version(notice), Map.of(item, "Theirs.")));
    assertEquals(first, receivedAt(notice));
    NoticeRow row =
        officer
            .call(() -> archive.find(filter(null, null, null, null, null, null, marker), 0, 5))
            .get(0);
    assertEquals(2, row.round());
    assertEquals(first, row.receivedAt());
  }

  @Test
  void queuesRegistryAndNotificationNamePeopleByFullName() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "arch-" + marker);
    long notice = given.submit(investigator, c);
    NoticeRow waiting =
        supervisor.call(() -> notices.awaitingSignOff()).stream()
            .filter(r -> r.id() == notice)
            .findFirst()
            .orElseThrow();
    assertEquals("Test " + investigator.username(), waiting.draftedByName());
    assertEquals(c.id(), waiting.caseId());
    assertEquals(c.registrationNumber(), waiting.caseNumber());

    given.signOff(supervisor, notice, null);
    long item = officer.call(() -> notices.open(notice)).resources().get(0).id();
    given.decide(
        officer,
        notice,
        item,
        ResourceDecision.BLOCK,
        "МКИ-" + marker,
        LocalDate.now(ALMATY),
        null);
    NoticeDetails.Item blocked = officer.call(() -> notices.open(notice)).resources().get(0);
    officer.run(
        () -> notices.liftBlock(blocked.registryEntryId(), blocked.registryVersion(), "Removed."));

    NoticeDetails.Item lifted = investigator.call(() -> notices.open(notice)).resources().get(0);
    assertEquals(officer.username(), lifted.liftedBy());
    assertEquals("Test " + officer.username(), lifted.liftedByName());
    assertEquals("Removed.", lifted.liftReason());
    List<RegistryRow> rows = investigator.call(() -> registry.find(false, marker, 0, 10));
    assertEquals(1, rows.size());
    assertEquals(officer.username(), rows.get(0).liftedBy());
    assertEquals("Test " + officer.username(), rows.get(0).liftedByName());
    assertTrue(rows.get(0).liftedAt() != null, rows.get(0).toString());
    NoticeDetails.Step liftStep =
        officer.call(() -> notices.open(notice)).history().stream()
            .filter(s -> s.type() == NoticeEvent.Type.BLOCK_LIFTED)
            .findFirst()
            .orElseThrow();
    assertEquals("Test " + officer.username(), liftStep.actorName());
  }

  private ArchiveFilter filter(
      NoticeStatus status,
      LocalDate receivedFrom,
      LocalDate receivedTo,
      LocalDate decidedFrom,
      LocalDate decidedTo,
      String number,
      String url) {
    return new ArchiveFilter(status, receivedFrom, receivedTo, decidedFrom, decidedTo, number, url);
  }

  private List<Long> ids(ArchiveFilter f) throws Exception {
    return officer.call(() -> archive.find(f, 0, 50)).stream().map(NoticeRow::id).toList();
  }

  private Instant receivedAt(long notice) throws Exception {
    Object at = db.single("select received_at from block_notice where id = ?", notice);
    return at instanceof java.sql.Timestamp t
        ? t.toInstant()
        : ((java.time.OffsetDateTime) at).toInstant();
  }

  private static List<NoticeEvent.Type> types(NoticeDetails d) {
    return d.history().stream().map(NoticeDetails.Step::type).toList();
  }

  private long version(long notice) throws Exception {
    return investigator.call(() -> notices.open(notice)).version();
  }
}
