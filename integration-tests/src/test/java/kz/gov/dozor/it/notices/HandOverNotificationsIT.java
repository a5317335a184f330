package kz.gov.dozor.it.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.inbox.InboxService;
import kz.gov.dozor.ejb.inbox.Mailer;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.DeadlineService;
import kz.gov.dozor.ejb.reference.DeadlineWatch;
import kz.gov.dozor.ejb.reference.Deadlines;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.reference.DeadlineStep;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hand-overs tell the people who must act (inbox and e-mail through the outbox), deadlines come
 * from reference data, and the overdue timer tells them again. No SMTP server listens during this
 * class: every e-mail fails, and that must never undo a hand-over.
 */
@ExtendWith(ArquillianExtension.class)
class HandOverNotificationsIT {

  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(HandOverNotificationsIT.class);
  }

  @Inject Procedures given;
  @Inject Deadlines deadlines;
  @Inject DeadlineWatch watch;
  @Inject InboxService inbox;
  @Inject Mailer mailer;
  @Inject UserTransaction tx;
  @Inject DeadlineService reference;

  TestData db;
  User investigator;
  User supervisor;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("hinv", "afm", "investigator");
    supervisor = db.user("hsup", "afm", "supervisor");
  }

  @Test
  void aHandOverTellsWhoMustActAndAFailedMailNeverUndoesIt() throws Exception {
    long notice = given.submit(investigator, given.blockingCase(investigator, "h"));

    assertEquals(
        "AWAITING_SIGN_OFF", db.single("select status from block_notice where id = ?", notice));
    assertEquals(
        List.of(List.of("inbox.awaitingSignOff", "/notices/view.xhtml?id=" + notice)),
        db.rows(
            "select message_key, link from portal_notification where recipient = ?",
            supervisor.username()));
    assertEquals(1L, supervisor.call(() -> inbox.unreadCount()));
    assertTrue(supervisor.call(() -> inbox.recent(10)).get(0).text().contains("AFM-"));

    String to = supervisor.username() + "@example.kz";
    // The mail is tried right after the commit (asynchronously) and by the retry timer; wait
    // for the first attempt, whichever makes it.
    List<List<Object>> mail = List.of();
    for (int i = 0; i < 50; i++) {
      mailer.sendDue();
      mail =
          db.rows("select attempts, last_error, sent_at from mail_outbox where recipient = ?", to);
      if (mail.size() == 1 && ((Number) mail.get(0).get(0)).intValue() >= 1) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals(1, mail.size());
    assertTrue(((Number) mail.get(0).get(0)).intValue() >= 1, "tried");
    assertNotNull(mail.get(0).get(1), "the failure is recorded for the retry");
    assertNull(mail.get(0).get(2));
    assertEquals(
        "AWAITING_SIGN_OFF", db.single("select status from block_notice where id = ?", notice));

    supervisor.run(() -> inbox.markAllRead());
    assertEquals(0L, supervisor.call(() -> inbox.unreadCount()));
  }

  @Test
  void aRolledBackHandOverTellsNobody() throws Exception {
    CaseDetails c = given.blockingCase(investigator, "h");
    investigator.run(
        () -> {
          tx.begin();
          given.submit(investigator, c);
          tx.rollback();
        });
    assertEquals(
        0,
        db.count(
            "select count(*) from portal_notification where recipient = ?", supervisor.username()));
    assertEquals(
        0,
        db.count(
            "select count(*) from mail_outbox where recipient = ?",
            supervisor.username() + "@example.kz"));
  }

  @Test
  void deadlinesCountWorkingDaysFromTheRulesAndHolidays() throws Exception {
    Instant friday = LocalDateTime.parse("2026-11-20T15:30").atZone(ALMATY).toInstant();
    assertEquals(
        LocalDateTime.parse("2026-11-23T15:30").atZone(ALMATY).toInstant(),
        deadlines.dueFor(DeadlineStep.SIGN_OFF, friday));
    assertEquals(
        LocalDateTime.parse("2026-11-22T15:30").atZone(ALMATY).toInstant(),
        deadlines.dueFor(DeadlineStep.MINISTRY_DECISION, friday));
    // Independence Day (16 December) is a holiday in the reference data.
    Instant tuesday = LocalDateTime.parse("2026-12-15T09:00").atZone(ALMATY).toInstant();
    assertEquals(
        LocalDateTime.parse("2026-12-17T09:00").atZone(ALMATY).toInstant(),
        deadlines.dueFor(DeadlineStep.SIGN_OFF, tuesday));

    long notice = given.submit(investigator, given.blockingCase(investigator, "h"));
    Instant submitted =
        ((java.sql.Timestamp)
                db.single("select submitted_at from block_notice where id = ?", notice))
            .toInstant();
    Instant due =
        ((java.sql.Timestamp) db.single("select due_at from block_notice where id = ?", notice))
            .toInstant();
    assertEquals(
        deadlines.dueFor(DeadlineStep.SIGN_OFF, submitted).truncatedTo(ChronoUnit.MILLIS),
        due.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void administratorsChangeDeadlinesAndHolidaysAsData() throws Exception {
    User admin = db.user("hadm", "afm", "admin");
    Instant friday = LocalDateTime.parse("2026-11-20T15:30").atZone(ALMATY).toInstant();
    // The rule as it is now, restored afterwards whatever it was.
    TestData.DeadlineRule rule = db.deadlineRule("SIGN_OFF");
    int days = rule.days();
    boolean working = rule.workingDays();
    Instant dueBefore = deadlines.dueFor(DeadlineStep.SIGN_OFF, friday);
    assertThrows(
        EJBAccessException.class,
        () ->
            investigator.run(
                () -> reference.changeDeadline("SIGN_OFF", version("SIGN_OFF"), 3, true)));
    assertThrows(
        InvalidInputException.class,
        () -> admin.run(() -> reference.changeDeadline("SIGN_OFF", version("SIGN_OFF"), 0, true)));
    try {
      admin.run(() -> reference.changeDeadline("SIGN_OFF", version("SIGN_OFF"), 3, true));
      assertEquals(
          LocalDateTime.parse("2026-11-25T15:30").atZone(ALMATY).toInstant(),
          deadlines.dueFor(DeadlineStep.SIGN_OFF, friday));
      admin.run(() -> reference.addHoliday(LocalDate.parse("2026-11-24"), "Test holiday"));
      assertEquals(
          LocalDateTime.parse("2026-11-26T15:30").atZone(ALMATY).toInstant(),
          deadlines.dueFor(DeadlineStep.SIGN_OFF, friday));
      // One entry for the deadline, one for the holiday; the refused zero changed nothing.
      assertEquals(
          List.of(List.of("deadline"), List.of("holiday")),
          db.rows(
              "select subject_type from audit_entry where actor = ?"
                  + " and action = 'REFERENCE_DATA_CHANGED' order by seq",
              admin.username()));
    } finally {
      admin.run(() -> reference.removeHoliday(LocalDate.parse("2026-11-24")));
      admin.run(() -> reference.changeDeadline("SIGN_OFF", version("SIGN_OFF"), days, working));
    }
    assertEquals(dueBefore, deadlines.dueFor(DeadlineStep.SIGN_OFF, friday));
  }

  @Test
  void theTimerTellsTheResponsibleOnceWhenADeadlinePasses() throws Exception {
    long notice = given.submit(investigator, given.blockingCase(investigator, "h"));
    db.update("update block_notice set due_at = now() - interval '1 hour' where id = ?", notice);

    assertTrue(watch.checkOverdue() >= 1);
    watch.checkOverdue();

    assertEquals(
        1,
        db.count(
            "select count(*) from portal_notification where recipient = ? and message_key = 'inbox.overdue'",
            supervisor.username()));
    assertEquals(
        Boolean.TRUE, db.single("select overdue_notified from block_notice where id = ?", notice));
  }

  /** The version of a deadline rule as stored now: each change names the version it saw. */
  private long version(String step) throws Exception {
    return ((Number) db.single("select version from deadline_rule where step = ?", step))
        .longValue();
  }
}
