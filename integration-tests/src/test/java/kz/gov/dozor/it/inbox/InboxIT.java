package kz.gov.dozor.it.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.gov.dozor.ejb.inbox.InboxService;
import kz.gov.dozor.ejb.inbox.Notifier;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inbox messages are kept as a key and parameters: each reader reads them in the language of the
 * page, e-mails go out in the language the recipient chose; opening a message reads it, and a
 * message about work that has since been done no longer counts as unread.
 */
@ExtendWith(ArquillianExtension.class)
class InboxIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(InboxIT.class);
  }

  @Inject Notifier notifier;
  @Inject InboxService inbox;
  @Inject UserTransaction tx;
  @Inject Procedures given;

  TestData db;

  @BeforeEach
  void setUp() {
    db = given.db();
  }

  @Test
  void aMessageReadsInThePagesLanguageAndItsMailInTheRecipientsChoice() throws Exception {
    User reader = db.user("ilang", "afm", "investigator");
    db.update("update portal_user set locale = 'ru' where username = ?", reader.username());
    String number = "AFM-N-" + UUID.randomUUID().toString().substring(0, 8);

    tell(List.of(reader.username()), "inbox.decided", number, "/notices/view.xhtml?id=1");

    assertEquals(
        List.of(List.of("inbox.decided", "[\"" + number + "\"]")),
        db.rows(
            "select message_key, parameters from portal_notification where recipient = ?",
            reader.username()));
    // The reader's stored choice is Russian; the page they read on decides.
    assertEquals(
        "The ministry decided on notification " + number + ".",
        reader.call(() -> inbox.recent(10, "en")).get(0).text());
    assertEquals(
        "Министрлік " + number + " хабарламасы бойынша шешім қабылдады.",
        reader.call(() -> inbox.recent(10, "kk")).get(0).text());
    assertEquals(
        "Министерство приняло решение по уведомлению " + number + ".",
        reader.call(() -> inbox.recent(10, "ru")).get(0).text());
    // The e-mail is in the language the recipient chose.
    assertEquals(
        List.of(List.of("Dozor: Министерство приняло решение по уведомлению " + number + ".")),
        db.rows(
            "select subject from mail_outbox where recipient = ?",
            reader.username() + "@example.kz"));
    String body =
        (String)
            db.single(
                "select body from mail_outbox where recipient = ?",
                reader.username() + "@example.kz");
    assertTrue(body.contains("Открыть в Dozor: "), body);
  }

  @Test
  void openingAMessageReadsItAndOnlyTheRecipientCanOpenIt() throws Exception {
    User reader = db.user("iopen", "afm", "investigator");
    User other = db.user("iother", "afm", "investigator");
    tell(List.of(reader.username()), "inbox.decided", "AFM-N-1", "/notices/view.xhtml?id=11");
    tell(List.of(reader.username()), "inbox.blockLifted", "AFM-N-2", "/notices/view.xhtml?id=12");
    assertEquals(2L, reader.call(() -> inbox.unreadCount()));
    long first = id(reader, "/notices/view.xhtml?id=11");
    long second = id(reader, "/notices/view.xhtml?id=12");

    assertEquals(Optional.empty(), other.call(() -> inbox.open(second)));
    assertEquals(2L, reader.call(() -> inbox.unreadCount()));

    assertEquals(Optional.of("/notices/view.xhtml?id=11"), reader.call(() -> inbox.open(first)));
    assertEquals(1L, reader.call(() -> inbox.unreadCount()));
    assertNotNull(db.single("select read_at from portal_notification where id = ?", first));
    assertNull(db.single("select read_at from portal_notification where id = ?", second));
    assertTrue(reader.call(() -> inbox.recent(10, "en")).stream().anyMatch(i -> i.read()));

    reader.run(() -> inbox.markAllRead());
    assertEquals(0L, reader.call(() -> inbox.unreadCount()));
  }

  @Test
  void aMessageAboutWorkSomeoneElseHasDoneIsNoLongerUnread() throws Exception {
    User investigator = db.user("iinv", "afm", "investigator");
    User signer = db.user("isup", "afm", "supervisor");
    User colleague = db.user("isup", "afm", "supervisor");
    long notice = given.submit(investigator, given.blockingCase(investigator, "inbox"));
    String link = "/notices/view.xhtml?id=" + notice;
    assertEquals(1, unreadAbout(colleague, link));
    assertEquals(1, unreadAbout(signer, link));
    long colleagueBefore = colleague.call(() -> inbox.unreadCount());

    given.signOff(signer, notice, null);

    // The colleague's "awaits your sign-off" is about work the signer has done.
    assertEquals(0, unreadAbout(colleague, link));
    assertEquals(colleagueBefore - 1, colleague.call(() -> inbox.unreadCount()));
    assertEquals(0, unreadAbout(signer, link));
  }

  private long unreadAbout(User user, String link) throws Exception {
    return db.count(
        "select count(*) from portal_notification where recipient = ? and link = ? and read_at is null",
        user.username(),
        link);
  }

  private long id(User user, String link) throws Exception {
    return ((Number)
            db.single(
                "select id from portal_notification where recipient = ? and link = ?",
                user.username(),
                link))
        .longValue();
  }

  private void tell(List<String> who, String key, String parameter, String link) throws Exception {
    tx.begin();
    try {
      notifier.tell(who, key, List.of(parameter), link);
      tx.commit();
    } catch (Exception | Error e) {
      tx.rollback();
      throw e;
    }
  }
}
