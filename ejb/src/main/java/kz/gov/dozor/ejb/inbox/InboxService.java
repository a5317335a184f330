package kz.gov.dozor.ejb.inbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.gov.dozor.persistence.inbox.PortalNotification;
import kz.gov.dozor.persistence.users.PortalUser;

/** The caller's own in-portal inbox: what happened that they must act on. */
@Stateless
@PermitAll
public class InboxService {

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private Clock clock;

  public long unreadCount() {
    return em.createQuery(
            "select count(n) from PortalNotification n where n.recipient = :me and n.readAt is null",
            Long.class)
        .setParameter("me", me())
        .getSingleResult();
  }

  /** The newest messages, at most {@code max}, in the language the caller last chose. */
  public List<InboxItem> recent(int max) {
    PortalUser user = em.find(PortalUser.class, me());
    return recent(max, user == null ? null : user.getLocale());
  }

  /**
   * The newest messages, at most {@code max}, in {@code language}: the language of the page the
   * caller reads them on, whatever they chose elsewhere.
   */
  public List<InboxItem> recent(int max, String language) {
    return em.createQuery(
            "select n from PortalNotification n where n.recipient = :me order by n.createdAt desc, n.id desc",
            PortalNotification.class)
        .setParameter("me", me())
        .setMaxResults(Math.max(1, Math.min(max, 200)))
        .getResultStream()
        .map(
            n ->
                new InboxItem(
                    n.getId(),
                    Texts.text(
                        language,
                        n.getMessageKey(),
                        MessageParameters.decode(n.getParameters()).toArray()),
                    n.getLink(),
                    n.getCreatedAt(),
                    n.getReadAt() != null))
        .toList();
  }

  /**
   * Opens one of the caller's own messages: it is read from now on. Returns where to act (a path
   * inside the portal), or empty when the message is not the caller's or leads nowhere.
   */
  public Optional<String> open(long id) {
    PortalNotification n = em.find(PortalNotification.class, id);
    if (n == null || !n.getRecipient().equals(me())) {
      return Optional.empty();
    }
    n.read(clock.instant());
    String link = n.getLink();
    if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
      return Optional.empty();
    }
    return Optional.of(link);
  }

  /** Marks the caller's own messages read; others' are left alone. */
  public void markAllRead() {
    em.createQuery(
            "update PortalNotification n set n.readAt = :now where n.recipient = :me and n.readAt is null")
        .setParameter("now", clock.instant())
        .setParameter("me", me())
        .executeUpdate();
  }

  private String me() {
    return ctx.getCallerPrincipal().getName();
  }
}
