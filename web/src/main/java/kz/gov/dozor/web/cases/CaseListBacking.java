package kz.gov.dozor.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.cases.CaseQuery;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.CaseSort;
import kz.gov.dozor.ejb.cases.CategoryView;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The agency's case list: filtered, sorted and paged by the database. */
@Named("caseList")
@ViewScoped
public class CaseListBacking implements Serializable {

  /** Sortable columns of the page, by field name, and the service's order for each. */
  private static final Map<String, CaseSort> SORTS =
      Map.of(
          "registrationNumber", CaseSort.REGISTRATION_NUMBER,
          "registeredAt", CaseSort.REGISTERED_AT,
          "detectedAt", CaseSort.DETECTED_AT,
          "status", CaseSort.STATUS,
          "categoryCode", CaseSort.CATEGORY);

  @Inject private CaseService cases;

  private CaseStatus status;
  private String categoryCode;
  private Platform platform;
  private LocalDate registeredFrom;
  private LocalDate registeredTo;
  private String urlText;
  private List<CategoryView> categories;
  private Map<String, CategoryView> categoriesByCode;
  private LazyDataModel<CaseRow> model;

  @PostConstruct
  void init() {
    categories = cases.activeCategories();
    categoriesByCode =
        categories.stream().collect(Collectors.toMap(CategoryView::code, Function.identity()));
    model = new CaseModel();
  }

  public void reset() {
    status = null;
    categoryCode = null;
    platform = null;
    registeredFrom = null;
    registeredTo = null;
    urlText = null;
  }

  CaseQuery query() {
    return new CaseQuery(status, categoryCode, platform, registeredFrom, registeredTo, urlText);
  }

  public String categoryName(String code) {
    CategoryView c = categoriesByCode.get(code);
    return c == null ? code : c.name(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /** Loads one page at a time from the service; nothing else is held in memory. */
  private final class CaseModel extends LazyDataModel<CaseRow> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, cases.countCases(query()));
    }

    @Override
    public List<CaseRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      CaseSort sort = CaseSort.REGISTERED_AT;
      boolean ascending = false;
      for (SortMeta meta : sortBy.values()) {
        CaseSort s = SORTS.get(meta.getField());
        if (s != null && meta.getOrder() != SortOrder.UNSORTED) {
          sort = s;
          ascending = meta.getOrder() == SortOrder.ASCENDING;
          break;
        }
      }
      return cases.findCases(query(), first, pageSize, sort, ascending);
    }

    @Override
    public String getRowKey(CaseRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public CaseRow getRowData(String rowKey) {
      return null;
    }
  }

  public LazyDataModel<CaseRow> getModel() {
    return model;
  }

  public CaseStatus[] getStatuses() {
    return CaseStatus.values();
  }

  public List<CategoryView> getCategories() {
    return categories;
  }

  public Platform[] getPlatforms() {
    return Platform.values();
  }

  public CaseStatus getStatus() {
    return status;
  }

  public void setStatus(CaseStatus status) {
    this.status = status;
  }

  public String getCategoryCode() {
    return categoryCode;
  }

  public void setCategoryCode(String categoryCode) {
    this.categoryCode = categoryCode;
  }

  public Platform getPlatform() {
    return platform;
  }

  public void setPlatform(Platform platform) {
    this.platform = platform;
  }

  public LocalDate getRegisteredFrom() {
    return registeredFrom;
  }

  public void setRegisteredFrom(LocalDate registeredFrom) {
    this.registeredFrom = registeredFrom;
  }

  public LocalDate getRegisteredTo() {
    return registeredTo;
  }

  public void setRegisteredTo(LocalDate registeredTo) {
    this.registeredTo = registeredTo;
  }

  public String getUrlText() {
    return urlText;
  }

  public void setUrlText(String urlText) {
    this.urlText = urlText;
  }

  /**
   * Whether any filter is set: an empty list then says that no case matches the filters, otherwise
   * that there are no cases yet.
   */
  public boolean isFiltered() {
    CaseQuery q = query();
    for (java.lang.reflect.RecordComponent c : CaseQuery.class.getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(q);
        if (value != null && !(value instanceof String s && s.isBlank())) {
          return true;
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }
}
