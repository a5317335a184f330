package kz.gov.dozor.web.intake;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.intake.HostCount;
import kz.gov.dozor.ejb.intake.TakeOutcome;
import kz.gov.dozor.ejb.intake.TriageOutcome;
import kz.gov.dozor.ejb.intake.TriageQueries;
import kz.gov.dozor.ejb.intake.TriageQuery;
import kz.gov.dozor.ejb.intake.TriageRow;
import kz.gov.dozor.ejb.intake.TriageSelection;
import kz.gov.dozor.ejb.intake.TriageService;
import kz.gov.dozor.ejb.intake.TriageSort;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.PickLists;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.intake.TriageStatus;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.platform.Races;
import kz.gov.dozor.web.session.LocaleBacking;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The triage queue: filters in the address (so a filtered queue can be bookmarked), a lazily paged
 * table with a capped count, the "by host" view, and the actions on what is selected.
 */
@Named("triage")
@ViewScoped
public class TriageBacking implements Serializable {

  @Inject private kz.gov.dozor.ejb.evidence.capture.CaptureService captures;

  /** Whether to capture the pages of the case made or joined. */
  private boolean capture;

  private static final Map<String, TriageSort> SORTS =
      Map.of(
          "lastSeenAt", TriageSort.LAST_SEEN,
          "firstSeenAt", TriageSort.FIRST_SEEN,
          "score", TriageSort.SCORE,
          "seenCount", TriageSort.SEEN_COUNT);

  private static final String FORM = "results:";
  private static final String FILTERS = "filters:";

  @Inject private TriageQueries queries;
  @Inject private TriageService service;
  @Inject private PickLists pickLists;
  @Inject private Clock clock;
  @Inject private LocaleBacking locale;

  // The filters, as view parameters (text, so that a hand-edited address never fails the page).
  private String status = TriageStatus.PENDING.name();
  private String source;
  private String category;
  private String platform;
  private String host;
  private String scoreMin;
  private String scoreMax;
  private String firstFrom;
  private String firstTo;
  private String lastFrom;
  private String lastTo;
  private String url;
  private String by;

  /**
   * The order the queue opens in (from the address); the table's own sorting overrides it. Text, as
   * the filters: an order the portal does not know is left out instead of failing every parameter.
   */
  private String sort;

  private boolean asc;

  private List<CategoryView> categories;
  private Map<String, CategoryView> categoriesByCode;
  private LazyDataModel<TriageRow> model;
  private MatchCount count;
  private List<HostCount> hosts;

  private List<TriageRow> selected = new ArrayList<>();
  private boolean allMatching;
  private String action;
  private String caseCategory;
  private String description;
  private String caseNumber;
  private String reason;

  @PostConstruct
  void init() {
    categories = pickLists.allCategories();
    categoriesByCode =
        categories.stream().collect(Collectors.toMap(CategoryView::code, Function.identity()));
    model = new TriageModel();
  }

  /** The filters as the service takes them; what does not parse is left out. */
  public TriageQuery query() {
    return new TriageQuery(
        parseEnum(TriageStatus.class, status),
        trim(source),
        trim(category),
        parseEnum(Platform.class, platform),
        trim(host),
        decimal(scoreMin),
        decimal(scoreMax),
        date(firstFrom),
        date(firstTo),
        date(lastFrom),
        date(lastTo),
        trim(url));
  }

  /**
   * Explains, beside their fields, filters of the address that cannot mean what was typed: a score
   * outside 0–1, a date that is none, a period that ends before it starts. The queue is shown as
   * filtered anyway, so that the address stays what it says.
   */
  public void checkFilters() {
    // On a GET the view takes the user's language only when the template is built, after this.
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale.getLocale());
    BigDecimal min = score("scoreMin", scoreMin);
    BigDecimal max = score("scoreMax", scoreMax);
    if (min != null && max != null && max.compareTo(min) < 0) {
      Messages.addError(FILTERS + "scoreMax", Messages.error("triage.filter.scoreReversed"));
    }
    period("firstFrom", firstFrom, "firstTo", firstTo);
    period("lastFrom", lastFrom, "lastTo", lastTo);
  }

  private static BigDecimal score(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    BigDecimal d = decimal(value);
    if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
      Messages.addError(FILTERS + field, Messages.error("triage.filter.score"));
      return null;
    }
    return d;
  }

  private static void period(String fromField, String fromValue, String toField, String toValue) {
    LocalDate from = checkedDate(fromField, fromValue);
    LocalDate to = checkedDate(toField, toValue);
    if (from != null && to != null && to.isBefore(from)) {
      Messages.addError(FILTERS + toField, Messages.error("triage.filter.periodReversed"));
    }
  }

  private static LocalDate checkedDate(String field, String value) {
    LocalDate d = date(value);
    if (d == null && value != null && !value.isBlank()) {
      Messages.addError(FILTERS + field, Messages.error("triage.filter.date"));
    }
    return d;
  }

  /** The filter form's "search": the same page at an address that names the filters. */
  public String apply() {
    return "/intake/triage?faces-redirect=true&includeViewParams=true";
  }

  public String reset() {
    return "/intake/triage?faces-redirect=true";
  }

  public MatchCount getCount() {
    if (count == null) {
      count = queries.count(query());
    }
    return count;
  }

  public List<HostCount> getHosts() {
    if (hosts == null) {
      hosts = "host".equals(by) ? queries.hosts(query()) : List.of();
    }
    return hosts;
  }

  /** How long ago the item was last seen. */
  public Duration ago(TriageRow row) {
    Duration d = Duration.between(row.lastSeenAt(), clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  public String categoryName(String code) {
    if (code == null) {
      return "";
    }
    CategoryView c = categoriesByCode.get(code);
    return c == null ? code : c.name(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  // ---- actions

  public void choose(String what) {
    this.action = what;
  }

  public void take() {
    run(
        () -> {
          TakeOutcome o = service.take(selection());
          Messages.success("triage.done.taken", o.taken(), o.heldByOthers());
          return null;
        });
  }

  public void release() {
    run(
        () -> {
          Messages.success("triage.done.released", service.release(selection()));
          return null;
        });
  }

  /** Keeps the user's holds while the page is open (the poll calls it). */
  public void renew() {
    service.renewHolds();
  }

  public String createCase() {
    return run(
        () -> {
          TriageOutcome o =
              service.createCase(selection(), caseCategory, description, clientAddress());
          Messages.success("triage.done.cased", o.caseNumber(), o.done(), o.skipped());
          captureIfAsked(o.caseId());
          return "/cases/view?faces-redirect=true&id=" + o.caseId();
        });
  }

  public String addToCase() {
    return run(
        () -> {
          TriageOutcome o = service.addToCase(selection(), caseNumber, clientAddress());
          Messages.success("triage.done.added", o.caseNumber(), o.done(), o.skipped());
          captureIfAsked(o.caseId());
          return "/cases/view?faces-redirect=true&id=" + o.caseId();
        });
  }

  /**
   * Queues captures of the case's pages when the investigator asked for them; in a transaction of
   * its own, after the case's: a page that cannot be captured never undoes the case.
   */
  private void captureIfAsked(Long caseId) {
    if (!capture || caseId == null) {
      return;
    }
    try {
      int queued = captures.requestResources(caseId, clientAddress());
      Messages.success("triage.done.captures", queued);
    } catch (kz.gov.dozor.ejb.platform.DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
  }

  public boolean isCapture() {
    return capture;
  }

  public void setCapture(boolean capture) {
    this.capture = capture;
  }

  public void dismiss() {
    run(
        () -> {
          TriageOutcome o = service.dismiss(selection(), reason);
          Messages.success("triage.done.dismissed", o.done(), o.skipped());
          return null;
        });
  }

  @FunctionalInterface
  interface Action {
    String perform();
  }

  private String run(Action a) {
    if (!allMatching && selected.isEmpty()) {
      Messages.addError(null, Messages.error("triage.selection.empty"));
      return null;
    }
    try {
      String outcome = a.perform();
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      selected = new ArrayList<>();
      allMatching = false;
      if (outcome == null) {
        action = null;
        count = null;
        hosts = null;
      }
      return outcome;
    } catch (InvalidInputException e) {
      Messages.addProblems(e, this::clientIdOf);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    } catch (EJBException e) {
      if (!Races.lost(e)) {
        throw e;
      }
      Messages.addError(null, Messages.error("triage.changedBySomeoneElse"));
    }
    return null;
  }

  private String clientIdOf(String field) {
    return switch (field) {
      case "category" -> FORM + "caseCategory";
      case "description" -> FORM + "description";
      case "caseNumber" -> FORM + "caseNumber";
      case "reason" -> FORM + "reason";
      default -> null;
    };
  }

  private TriageSelection selection() {
    return allMatching
        ? TriageSelection.allMatching(query())
        : TriageSelection.of(selected.stream().map(TriageRow::id).toList());
  }

  private static String clientAddress() {
    Object req = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return req instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
  }

  // ---- parsing of the address

  private static String trim(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static BigDecimal decimal(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Loads one page at a time; the count is capped by the service. */
  private final class TriageModel extends LazyDataModel<TriageRow> {

    private transient List<TriageRow> page = List.of();

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) getCount().count();
    }

    @Override
    public List<TriageRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      TriageSort fromAddress = parseEnum(TriageSort.class, TriageBacking.this.sort);
      TriageSort sort = fromAddress == null ? TriageSort.LAST_SEEN : fromAddress;
      boolean ascending = fromAddress != null && asc;
      for (SortMeta meta : sortBy.values()) {
        TriageSort s = SORTS.get(meta.getField());
        if (s != null && meta.getOrder() != SortOrder.UNSORTED) {
          sort = s;
          ascending = meta.getOrder() == SortOrder.ASCENDING;
          break;
        }
      }
      page = queries.find(query(), first, pageSize, sort, ascending);
      return page;
    }

    @Override
    public String getRowKey(TriageRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public TriageRow getRowData(String rowKey) {
      for (TriageRow r : page == null ? List.<TriageRow>of() : page) {
        if (String.valueOf(r.id()).equals(rowKey)) {
          return r;
        }
      }
      return null;
    }
  }

  // ---- page state

  public LazyDataModel<TriageRow> getModel() {
    return model;
  }

  public List<CategoryView> getCategories() {
    return categories;
  }

  public List<CategoryView> getActiveCategories() {
    return categories.stream().filter(CategoryView::active).toList();
  }

  public Platform[] getPlatforms() {
    return Platform.values();
  }

  public TriageStatus[] getStatuses() {
    return TriageStatus.values();
  }

  public Instant getNow() {
    return clock.instant();
  }

  public List<TriageRow> getSelected() {
    return selected;
  }

  public void setSelected(List<TriageRow> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }

  public boolean isAllMatching() {
    return allMatching;
  }

  public void setAllMatching(boolean allMatching) {
    this.allMatching = allMatching;
  }

  public String getAction() {
    return action;
  }

  public String getCaseCategory() {
    return caseCategory;
  }

  public void setCaseCategory(String caseCategory) {
    this.caseCategory = caseCategory;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getPlatform() {
    return platform;
  }

  public void setPlatform(String platform) {
    this.platform = platform;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public String getScoreMin() {
    return scoreMin;
  }

  public void setScoreMin(String scoreMin) {
    this.scoreMin = scoreMin;
  }

  public String getScoreMax() {
    return scoreMax;
  }

  public void setScoreMax(String scoreMax) {
    this.scoreMax = scoreMax;
  }

  public String getFirstFrom() {
    return firstFrom;
  }

  public void setFirstFrom(String firstFrom) {
    this.firstFrom = firstFrom;
  }

  public String getFirstTo() {
    return firstTo;
  }

  public void setFirstTo(String firstTo) {
    this.firstTo = firstTo;
  }

  public String getLastFrom() {
    return lastFrom;
  }

  public void setLastFrom(String lastFrom) {
    this.lastFrom = lastFrom;
  }

  public String getLastTo() {
    return lastTo;
  }

  public void setLastTo(String lastTo) {
    this.lastTo = lastTo;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getBy() {
    return by;
  }

  public void setBy(String by) {
    this.by = by;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public boolean isAsc() {
    return asc;
  }

  public void setAsc(boolean asc) {
    this.asc = asc;
  }
}
