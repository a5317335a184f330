package kz.gov.dozor.web.notices;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeNotFoundException;
import kz.gov.dozor.ejb.notices.NoticeService;

/** The notification page: what was sent, the decision on each resource, the rounds. */
@Named("noticeView")
@ViewScoped
public class NoticeViewBacking implements Serializable {

  @Inject private NoticeService notices;

  private String id;
  private NoticeDetails details;

  /** Loads the notification; others' or unsent ones end in the 403 page, unknown in the 404. */
  public void load() {
    long noticeId;
    try {
      noticeId = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw new NoticeNotFoundException(-1);
    }
    details = notices.open(noticeId);
  }

  public void reload() {
    details = notices.open(details.id());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public NoticeDetails getDetails() {
    return details;
  }
}
