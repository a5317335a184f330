package kz.gov.dozor.web.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.gov.dozor.ejb.inbox.InboxItem;
import kz.gov.dozor.ejb.inbox.InboxService;

/** The header's unread count and the inbox page. */
@Named("inboxBadge")
@RequestScoped
public class InboxBacking {

  @Inject private InboxService inbox;

  private Long unread;
  private List<InboxItem> items;

  public long getUnread() {
    if (unread == null) {
      unread = inbox.unreadCount();
    }
    return unread;
  }

  public List<InboxItem> getItems() {
    if (items == null) {
      items = inbox.recent(100);
    }
    return items;
  }

  public String markAllRead() {
    inbox.markAllRead();
    return "/inbox/list?faces-redirect=true";
  }
}
