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

  /** The newest messages, at most {@code max}. */
  public List<InboxItem> recent(int max) {
    PortalUser user = em.find(PortalUser.class, me());
    String lang = user == null ? null : user.getLocale();
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
                    Texts.text(lang, n.getMessageKey(), n.getArgument()),
                    n.getLink(),
                    n.getCreatedAt(),
                    n.getReadAt() != null))
        .toList();
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
