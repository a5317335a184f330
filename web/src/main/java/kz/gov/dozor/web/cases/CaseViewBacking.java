package kz.gov.dozor.web.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseNotFoundException;
import kz.gov.dozor.ejb.cases.CaseService;

/** The case page: everything about one case, if the user may see it. */
@Named("caseView")
@ViewScoped
public class CaseViewBacking implements Serializable {

  @Inject private CaseService cases;

  private String id;
  private CaseDetails details;

  /**
   * Loads the case. A case of another organisation or one that does not exist ends in the 403 or
   * 404 page (see the exception handler), never in an empty page.
   */
  public void load() {
    long caseId;
    try {
      caseId = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw new CaseNotFoundException(-1);
    }
    details = cases.openCase(caseId);
  }

  /** Shows the case as it is now, after a change here or by someone else. */
  public void reload() {
    details = cases.openCase(details.id());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CaseDetails getDetails() {
    return details;
  }
}
