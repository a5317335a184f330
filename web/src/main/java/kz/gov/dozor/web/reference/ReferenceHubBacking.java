package kz.gov.dozor.web.reference;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import kz.gov.dozor.ejb.reference.ReferenceQueries;
import kz.gov.dozor.ejb.reference.ReferenceQueries.Summary;

/** The reference data hub: each list with how many entries are offered and retired. */
@Named("referenceHub")
@ViewScoped
public class ReferenceHubBacking implements Serializable {

  @Inject private ReferenceQueries queries;

  private Summary summary;
  private Boolean editable;

  public Summary getSummary() {
    if (summary == null) {
      summary = queries.summary();
    }
    return summary;
  }

  /** The agency's administrators change the lists; the ministry's read them. */
  public boolean isEditable() {
    if (editable == null) {
      editable = queries.mayChangeAgencyLists();
    }
    return editable;
  }
}
