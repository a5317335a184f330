package kz.gov.dozor.web.evidence;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import kz.gov.dozor.ejb.evidence.EvidenceItem;
import kz.gov.dozor.ejb.evidence.EvidenceNotFoundException;
import kz.gov.dozor.ejb.evidence.EvidenceService;

/** An evidence item's page: how it was added, its SHA-256, timestamp, fixity and custody. */
@Named("evidenceItem")
@ViewScoped
public class EvidenceItemBacking implements Serializable {

  @Inject private EvidenceService evidence;

  private String id;
  private EvidenceItem item;

  /** Loads the item; others' end in the 403 page, unknown ones in the 404. */
  public void load() {
    long evidenceId;
    try {
      evidenceId = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw new EvidenceNotFoundException(-1);
    }
    Object req = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    item =
        evidence.item(evidenceId, req instanceof HttpServletRequest r ? r.getRemoteAddr() : null);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public EvidenceItem getItem() {
    return item;
  }
}
