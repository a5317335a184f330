package kz.gov.dozor.ejb.inbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.persistence.inbox.OutgoingMail;

/**
 * Sends queued e-mails through WildFly's mail session. A failure is recorded and tried again later,
 * waiting longer each time; it never touches the hand-over that queued the mail.
 */
@Stateless
@PermitAll
public class Mailer {

  static final int BATCH = 50;

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Resource(lookup = "java:jboss/mail/Dozor")
  private Session mail;

  /** Sends what is due soon after a hand-over commits. */
  @Asynchronous
  public void sendSoon() {
    sendDue();
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void retry() {
    sendDue();
  }

  /** Sends every queued mail whose time has come; returns how many went out. */
  public int sendDue() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<OutgoingMail> due =
        em.createNativeQuery(
                // Fresh mail first: a backlog of retries (a mail server that was away, an address
                // that keeps failing) never holds up the news of a hand-over made just now.
                "select * from mail_outbox where sent_at is null and next_attempt_at <= ?1"
                    + " order by attempts, id limit "
                    + BATCH
                    + " for update skip locked",
                OutgoingMail.class)
            .setParameter(1, java.sql.Timestamp.from(now))
            .getResultList();
    int sent = 0;
    Session session = withTimeouts(mail);
    for (OutgoingMail m : due) {
      try {
        MimeMessage message = new MimeMessage(session);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.getRecipient()));
        message.setSubject(m.getSubject(), StandardCharsets.UTF_8.name());
        message.setText(m.getBody(), StandardCharsets.UTF_8.name());
        Transport.send(message);
        m.sent(clock.instant());
        sent++;
      } catch (MessagingException | RuntimeException e) {
        m.failed(e.getMessage(), clock.instant());
        LOG.log(
            Level.WARNING,
            "mail {0} to {1} failed (attempt {2}): {3}",
            new Object[] {m.getId(), m.getRecipient(), m.getAttempts(), e.getMessage()});
      }
    }
    return sent;
  }

  /** The server's session, but never waiting more than a few seconds for a silent SMTP server. */
  private static Session withTimeouts(Session server) {
    Properties props = new Properties();
    props.putAll(server.getProperties());
    props.putIfAbsent("mail.smtp.connectiontimeout", "5000");
    props.putIfAbsent("mail.smtp.timeout", "10000");
    props.putIfAbsent("mail.smtp.writetimeout", "10000");
    return Session.getInstance(props);
  }
}
