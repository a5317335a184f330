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

  /** Every enabled user of {@code organisation} holding {@code role}, as the directory says. */
  public List<String> holders(String organisation, String role) {
    return em.createQuery(
            "select u.username from PortalUser u where u.organisation = :org"
                + " and u.roles like :role and u.enabled = true",
            String.class)
        .setParameter("org", organisation)
        .setParameter("role", "%," + role + ",%")
        .getResultList();
  }

  /**
   * Whether {@code username} receives work: not when their account is disabled. Someone the
   * directory does not know yet (seen by no sync, never signed in) does.
   */
  public boolean receivesWork(String username) {
    PortalUser user = em.find(PortalUser.class, username);
    return user == null || user.isEnabled();
  }

  /** Tells {@code usernames} with a message of one parameter (or none, when it is null). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void notify(List<String> usernames, String key, String argument, String link) {
    tell(usernames, key, argument == null ? List.of() : List.of(argument), link);
  }

  /**
   * Tells {@code usernames}: an inbox message kept as {@code key} and {@code parameters} (each
   * reader sees it in the language of their page) and an e-mail in the language each recipient
   * chose. Earlier unread messages about the same subject ({@code link}) are about work that has
   * now been done, by them or by someone else: they stop counting as unread.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void tell(List<String> usernames, String key, List<String> parameters, String link) {
    Instant now = clock.instant();
    if (link != null) {
      em.createQuery(
              "update PortalNotification n set n.readAt = :now"
                  + " where n.link = :link and n.readAt is null")
          .setParameter("now", now)
          .setParameter("link", link)
          .executeUpdate();
    }
    String stored = MessageParameters.encode(parameters);
    Object[] args = parameters.toArray();
    int mails = 0;
    for (String username : usernames) {
      PortalUser user = em.find(PortalUser.class, username);
      if (user != null && !user.isEnabled()) {
        // A disabled account receives no work; the caller has told the others of its role.
        continue;
      }
      em.persist(new PortalNotification(username, now, key, stored, link));
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        String language = user.getLocale();
        String text = Texts.text(language, key, args);
        String url = Settings.publicUrl() + link;
        em.persist(
            new OutgoingMail(
                user.getEmail(),
                Texts.text(language, "mail.subject", text),
                text + "\n\n" + Texts.text(language, "mail.open", url) + "\n",
                now));
        mails++;
      }
    }
    if (mails > 0) {
      queued.fire(new MailQueued(mails));
    }
  }
}
