package kz.gov.dozor.web.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kz.gov.dozor.ejb.inbox.InboxItem;
import kz.gov.dozor.ejb.inbox.InboxService;

/**
 * The header's unread count and the inbox page, whose messages read in the language of the page.
 */
@Named("inboxBadge")
@RequestScoped
public class InboxBacking {

  @Inject private InboxService inbox;

  private Long unread;
  private List<InboxItem> items;
  private String id;

  public long getUnread() {
    if (unread == null) {
      unread = inbox.unreadCount();
    }
    return unread;
  }

  public List<InboxItem> getItems() {
    if (items == null) {
      FacesContext fc = FacesContext.getCurrentInstance();
      items = inbox.recent(100, fc.getViewRoot().getLocale().getLanguage());
    }
    return items;
  }

  public String markAllRead() {
    inbox.markAllRead();
    return "/inbox/list?faces-redirect=true";
  }

  /** Opens a message: it is read from now on, and the user goes where it points. */
  public void open() throws IOException {
    Optional<String> link = Optional.empty();
    if (id != null && id.matches("\\d{1,18}")) {
      link = inbox.open(Long.parseLong(id));
    }
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    ec.redirect(ec.getRequestContextPath() + link.orElse("/inbox/list.xhtml"));
    fc.responseComplete();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
