package kz.gov.dozor.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.ejb.cases.CaseResourceFilter;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.web.platform.PagedById;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The resources of the case page: filtered (URL text, the ministry's answer), counted and paged by
 * the database through {@link CaseService}, which checks the caller on every page.
 */
@Named("caseResources")
@ViewScoped
public class CaseResourcesBacking implements Serializable {

  @Inject private CaseViewBacking caseView;
  @Inject private CaseService cases;

  private String urlText;
  private CaseResourceFilter.State state;
  private CaseResourceFilter filter = CaseResourceFilter.ALL;
  private LazyDataModel<ResourceView> model;
  private long matching = -1;

  @PostConstruct
  void init() {
    model = new ResourceModel();
  }

  /** Applies the filter fields; a new filter starts at its first page. */
  public void applyFilter() {
    filter = new CaseResourceFilter(urlText, state, false);
    matching = -1;
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null
        && faces.getViewRoot().findComponent("resourcesForm:resources") instanceof DataTable t) {
      t.setFirst(0);
    }
  }

  /** How many resources match the filter now (counted once per filter). */
  public long getMatching() {
    CaseDetails c = caseView.getDetails();
    if (matching < 0 && c != null) {
      matching = filter.isAll() ? c.resourceCount() : cases.countResources(c.id(), filter);
    }
    return Math.max(0, matching);
  }

  /** Whether a filter narrows the table now. */
  public boolean isFiltered() {
    return !filter.isAll();
  }

  /** One page at a time from the service; nothing else is held but the page shown. */
  private final class ResourceModel extends PagedById<ResourceView> {

    private static final long serialVersionUID = 1L;

    @Override
    protected long matching() {
      return getMatching();
    }

    @Override
    protected List<ResourceView> fetch(int first, int pageSize) {
      CaseDetails c = caseView.getDetails();
      if (c == null) {
        return List.of();
      }
      // The case came with its first page: no second query for the same rows.
      return first == 0 && filter.isAll() && pageSize <= c.resources().size()
          ? List.copyOf(c.resources().subList(0, pageSize))
          : first == 0 && filter.isAll() && c.resources().size() == c.resourceCount()
              ? c.resources()
              : cases.resources(c.id(), filter, first, pageSize);
    }

    @Override
    protected long idOf(ResourceView row) {
      return row.id();
    }
  }

  public LazyDataModel<ResourceView> getModel() {
    return model;
  }

  public CaseResourceFilter.State[] getStates() {
    return CaseResourceFilter.State.values();
  }

  public String getUrlText() {
    return urlText;
  }

  public void setUrlText(String urlText) {
    this.urlText = urlText;
  }

  public CaseResourceFilter.State getState() {
    return state;
  }

  public void setState(CaseResourceFilter.State state) {
    this.state = state;
  }
}
