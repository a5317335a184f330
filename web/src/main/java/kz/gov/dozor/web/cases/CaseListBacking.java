package kz.gov.dozor.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.cases.CaseQuery;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.CaseSort;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.PickLists;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.PrimeFaces;
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
  @Inject private PickLists pickLists;

  private Platform platform;
  private LocalDate registeredFrom;
  private LocalDate registeredTo;
  private String urlText;
  private String number;
  private List<CategoryView> categories;
  private Map<String, CategoryView> categoriesByCode;
  private LazyDataModel<CaseRow> model;
  // The column filters of the last count, so that an empty list can tell why it is empty.
  private transient Map<String, FilterMeta> lastFilterBy = Map.of();
  private boolean capped;
  private long counted;
  // The filters under the column headers as the address gave them, for the first showing.
  private String statusFilter;
  private String categoryFilter;
  private String numberFilter;

  @PostConstruct
  void init() {
    // Retired categories too: old cases filed under them are listed and filtered by them.
    categories = pickLists.allCategories();
    categoriesByCode =
        categories.stream().collect(Collectors.toMap(CategoryView::code, Function.identity()));
    model = new CaseModel();
  }

  public void reset() {
    platform = null;
    registeredFrom = null;
    registeredTo = null;
    urlText = null;
    number = null;
    statusFilter = null;
    categoryFilter = null;
    numberFilter = null;
    // The filters under the column headers are the table's own: clear them too.
    PrimeFaces.current().executeScript("PF('casesTable').clearFilters()");
  }

  /**
   * The rows the table pages through for a count: all of them, or those counted of a larger result
   * (up to {@link CaseService#COUNT_CAP}), which the page calls "more than" that many.
   */
  int pageable(MatchCount count) {
    capped = count.more();
    counted = count.count();
    return (int) Math.min(count.count(), CaseService.COUNT_CAP);
  }

  /** Whether the last count stopped before the end: there are more. */
  public boolean isCapped() {
    return capped;
  }

  /** How many the last count reached: "more than" this many when {@link #isCapped()}. */
  public long getCountCap() {
    return counted;
  }

  /**
   * Puts the filters in the page's address (after an ajax filtering; a full page load has them
   * there already), so that the list can be bookmarked, shared and reloaded as it is.
   */
  private void keepInAddress(Map<String, FilterMeta> filterBy) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null || !faces.getPartialViewContext().isAjaxRequest()) {
      return;
    }
    // Only URL-encoded text goes into the script: letters, digits, %, +, and . - * _
    String query = address(query(filterBy));
    PrimeFaces.current()
        .executeScript(
            "history.replaceState(null, '', location.pathname"
                + (query.isEmpty() ? "" : " + '?" + query + "'")
                + ")");
  }

  /** The filters as the address's query: the names of the page's view parameters. */
  static String address(CaseQuery q) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("number", q.number());
    params.put("platform", q.platform());
    params.put("from", q.registeredFrom());
    params.put("to", q.registeredTo());
    params.put("url", q.urlText());
    params.put("status", q.status());
    params.put("category", q.categoryCode());
    params.put("caseNumber", q.registrationNumber());
    StringBuilder out = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            out.append(out.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(
                    java.net.URLEncoder.encode(
                        value.toString().strip(), java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    return out.toString();
  }

  /** Remembers the filters under the column headers that the table last counted with. */
  void columnFilters(Map<String, FilterMeta> filterBy) {
    lastFilterBy = filterBy == null ? Map.of() : Map.copyOf(filterBy);
  }

  /** The form's filters and those under the column headers, as one query for the database. */
  CaseQuery query(Map<String, FilterMeta> filterBy) {
    CaseStatus status = null;
    String statusName = text(filterBy, "status");
    if (statusName != null) {
      try {
        status = CaseStatus.valueOf(statusName);
      } catch (IllegalArgumentException e) {
        // not one of ours: no filter
      }
    }
    return new CaseQuery(
        status,
        text(filterBy, "categoryCode"),
        platform,
        registeredFrom,
        registeredTo,
        urlText,
        text(filterBy, "registrationNumber"),
        number);
  }

  private static String text(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta meta = filterBy == null ? null : filterBy.get(field);
    Object value = meta == null ? null : meta.getFilterValue();
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  /** The choices of the status filter under its column header. */
  public List<SelectItem> getStatusOptions() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", Messages.text(locale, "filter.any")));
    for (CaseStatus s : CaseStatus.values()) {
      items.add(new SelectItem(s.name(), Messages.text(locale, "status." + s)));
    }
    return items;
  }

  /** The choices of the category filter under its column header. */
  public List<SelectItem> getCategoryOptions() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    List<SelectItem> items = new ArrayList<>();
    items.add(new SelectItem("", Messages.text(locale, "filter.any")));
    for (CategoryView c : categories) {
      items.add(
          new SelectItem(
              c.code(),
              c.active()
                  ? c.name(locale)
                  : Messages.text(locale, "reference.retiredName", c.name(locale))));
    }
    return items;
  }

  public String categoryName(String code) {
    CategoryView c = categoriesByCode.get(code);
    return c == null ? code : c.name(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /** Loads one page at a time from the service; nothing else is held in memory. */
  private final class CaseModel extends LazyDataModel<CaseRow> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      columnFilters(filterBy);
      keepInAddress(filterBy);
      return pageable(cases.countCases(query(filterBy)));
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
      return cases.findCases(query(filterBy), first, pageSize, sort, ascending);
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

  public List<CategoryView> getCategories() {
    return categories;
  }

  public Platform[] getPlatforms() {
    return Platform.values();
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
    return query(lastFilterBy).isFiltered();
  }

  public String getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(String statusFilter) {
    this.statusFilter = statusFilter;
  }

  public String getCategoryFilter() {
    return categoryFilter;
  }

  public void setCategoryFilter(String categoryFilter) {
    this.categoryFilter = categoryFilter;
  }

  public String getNumberFilter() {
    return numberFilter;
  }

  public void setNumberFilter(String numberFilter) {
    this.numberFilter = numberFilter;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }
}
