package kz.gov.dozor.web.registry;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.ejb.registry.RegistryFilter;
import kz.gov.dozor.ejb.registry.RegistryRow;
import kz.gov.dozor.ejb.registry.RegistryService;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The registry page: entries paged by the database, filtered by state, dates, decision number,
 * issuing body, URL text and urgency; the filters live in the page's address and the filtered list
 * is exported to CSV or XLSX.
 */
@Named("registryList")
@ViewScoped
public class RegistryBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RegistryService registry;
  @Inject private NoticeService notices;

  /** The entry being corrected and what the officer types. */
  private RegistryRow correcting;

  private String correctNumber;
  private LocalDate correctDate;
  private String correctReason;

  private String state = "active";
  private String urlText;
  private String decision;
  private String body;
  private LocalDate from;
  private LocalDate to;
  private String urgent;

  /** Counted once per view: the filters change only by loading the page again. */
  private MatchCount counted;

  private LazyDataModel<RegistryRow> model;

  @PostConstruct
  void init() {
    model =
        new LazyDataModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) counted().count();
          }

          @Override
          public List<RegistryRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return registry.find(filter(), first, size);
          }

          @Override
          public String getRowKey(RegistryRow row) {
            return String.valueOf(row.id());
          }

          @Override
          public RegistryRow getRowData(String rowKey) {
            return null;
          }
        };
  }

  /** The filters as the service takes them; a reversed period is explained and not applied. */
  RegistryFilter filter() {
    LocalDate f = from;
    LocalDate t = to;
    if (f != null && t != null && t.isBefore(f)) {
      t = null;
    }
    return RegistryFilters.of(state, urlText, decision, body, f, t, urgent);
  }

  /** Applies the filters by reloading the page with them in its address. */
  public String apply() {
    if (from != null && to != null && to.isBefore(from)) {
      Messages.addError("filters:to", Messages.error("registry.filter.periodReversed"));
      return null;
    }
    return "/registry/list?faces-redirect=true&includeViewParams=true";
  }

  public String reset() {
    return "/registry/list?faces-redirect=true";
  }

  /** The address of the filtered list exported as {@code format} (csv or xlsx). */
  public String exportUrl(String format) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("format", format);
    params.put("state", state);
    params.put("url", urlText);
    params.put("decision", decision);
    params.put("body", body);
    params.put("from", from);
    params.put("to", to);
    params.put("urgent", urgent);
    StringBuilder q = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            q.append(q.length() == 0 ? "?" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.toString().strip(), StandardCharsets.UTF_8));
          }
        });
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/registry/export"
        + q;
  }

  /** Opens the correction of an entry's decision, filled in with what it says now. */
  public void startCorrection(RegistryRow row) {
    correcting = row;
    correctNumber = row.decisionNumber();
    correctDate = row.decisionDate();
    correctReason = null;
  }

  /** Corrects the entry's decision number and date; providers see it in the next delta. */
  public void correct() {
    if (correcting == null) {
      return;
    }
    try {
      notices.correctBlock(
          correcting.id(), correcting.entryVersion(), correctNumber, correctDate, correctReason);
      Messages.success("registry.corrected", correcting.url());
      correcting = null;
      PrimeFaces.current().executeScript("PF('correctDialog').hide()");
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "correctForm:" + field);
      PrimeFaces.current().ajax().addCallbackParam("invalid", true);
    } catch (DozorException e) {
      FacesContext.getCurrentInstance().addMessage(null, Messages.error(e));
      correcting = null;
      PrimeFaces.current().executeScript("PF('correctDialog').hide()");
    }
  }

  public RegistryRow getCorrecting() {
    return correcting;
  }

  public String getCorrectNumber() {
    return correctNumber;
  }

  public void setCorrectNumber(String correctNumber) {
    this.correctNumber = correctNumber;
  }

  public LocalDate getCorrectDate() {
    return correctDate;
  }

  public void setCorrectDate(LocalDate correctDate) {
    this.correctDate = correctDate;
  }

  public String getCorrectReason() {
    return correctReason;
  }

  public void setCorrectReason(String correctReason) {
    this.correctReason = correctReason;
  }

  public List<String> getBodies() {
    return registry.bodies();
  }

  private MatchCount counted() {
    if (counted == null) {
      counted = registry.count(filter());
    }
    return counted;
  }

  public boolean isCapped() {
    return counted().more();
  }

  public long getCounted() {
    return counted().count();
  }

  public LazyDataModel<RegistryRow> getModel() {
    return model;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getUrlText() {
    return urlText;
  }

  public void setUrlText(String urlText) {
    this.urlText = urlText;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getUrgent() {
    return urgent;
  }

  public void setUrgent(String urgent) {
    this.urgent = urgent;
  }
}
