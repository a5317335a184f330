package kz.gov.dozor.web.reference;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.reference.PickLists;

/**
 * The legal bases the agency's forms offer (route, notification draft, correction), read once per
 * page. Picking one fills the form's text field with its citation, which stays editable.
 */
@Named("legalBasisOptions")
@ViewScoped
public class LegalBasisOptions implements Serializable {

  @Inject private PickLists pickLists;

  private List<LegalBasisView> options;

  public List<LegalBasisView> getOptions() {
    if (options == null) {
      options = pickLists.legalBases();
    }
    return options;
  }

  /** Whether {@code id} is offered (a retired basis is not). */
  public boolean offers(Long id) {
    return id != null && getOptions().stream().anyMatch(o -> o.id() == id);
  }

  /**
   * The citation a pick fills in, in the page's language: the law and article, then the title; null
   * when {@code id} is not offered.
   */
  public String citation(Long id) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return id == null
        ? null
        : getOptions().stream()
            .filter(o -> o.id() == id)
            .map(o -> o.label(locale))
            .findFirst()
            .orElse(null);
  }
}
