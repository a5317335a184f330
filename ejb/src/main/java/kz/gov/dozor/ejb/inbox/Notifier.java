package kz.gov.dozor.ejb.inbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.platform.Settings;
import kz.gov.dozor.persistence.inbox.OutgoingMail;
import kz.gov.dozor.persistence.inbox.PortalNotification;
import kz.gov.dozor.persistence.users.PortalUser;

/**
 * Tells the people who must act: a message in their in-portal inbox and an e-mail, both written in
 * the transaction of the hand-over. The e-mail goes out after the commit; if the hand-over rolls
 * back, neither exists.
 */
@Stateless
@PermitAll
public class Notifier {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<MailQueued> queued;

  /** Everyone of {@code organisation} holding {@code role}, as last seen at sign-in. */
  public List<String> holders(String organisation, String role) {
    return em.createQuery(
            "select u.username from PortalUser u where u.organisation = :org and u.roles like :role",
            String.class)
        .setParameter("org", organisation)
        .setParameter("role", "%," + role + ",%")
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void notify(List<String> usernames, String key, String argument, String link) {
    Instant now = clock.instant();
    int mails = 0;
    for (String username : usernames) {
      em.persist(new PortalNotification(username, now, key, argument, link));
      PortalUser user = em.find(PortalUser.class, username);
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        String text = Texts.text(user.getLocale(), key, argument);
        String url = Settings.publicUrl() + link;
        em.persist(
            new OutgoingMail(
                user.getEmail(),
                Texts.text(user.getLocale(), "mail.subject", text),
                text + "\n\n" + Texts.text(user.getLocale(), "mail.open", url) + "\n",
                now));
        mails++;
      }
    }
    if (mails > 0) {
      queued.fire(new MailQueued(mails));
    }
  }
}
