package kz.gov.dozor.web.notices;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeItemFilter;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.web.platform.PagedById;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The resources of the notification page: filtered (URL text, host, decision state) and paged by
 * the database, and which of them the officer picked for one decision. Picks survive paging and
 * filtering; only their ids are held.
 */
@Named("noticeItems")
@ViewScoped
public class NoticeItemsBacking implements Serializable {

  /** What one decision covers: the resources picked, or all that match the filter. */
  public enum Scope {
    PICKED,
    MATCHING
  }

  @Inject private NoticeViewBacking noticeView;
  @Inject private NoticeService notices;

  private String urlText;
  private String host;
  private NoticeItemFilter.State state;
  private NoticeItemFilter filter = NoticeItemFilter.ALL;
  private Scope scope = Scope.PICKED;
  private final Map<Long, Boolean> picked = new HashMap<>();
  private PagedById<NoticeDetails.Item> model;
  private long matching = -1;
  private int first;

  @PostConstruct
  void init() {
    model = new ItemModel();
  }

  /** Applies the filter fields to the table and to "all that match". */
  public void applyFilter() {
    filter = new NoticeItemFilter(urlText, host, state);
    matching = -1;
    // A new filter starts at its first page.
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null
        && faces.getViewRoot().findComponent("noticeActions:items") instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  /** The ids of the resources picked, in any page. */
  public Set<Long> pickedIds() {
    Set<Long> ids = new TreeSet<>();
    picked.forEach(
        (id, on) -> {
          if (Boolean.TRUE.equals(on)) {
            ids.add(id);
          }
        });
    return ids;
  }

  /** How many resources match the filter now (counted once per filter). */
  public long getMatching() {
    if (matching < 0 && noticeView.getDetails() != null) {
      matching = notices.countItems(noticeView.getDetails().id(), filter);
    }
    return Math.max(0, matching);
  }

  /** How many resources one decision covers now. */
  public long getCovered() {
    return scope == Scope.MATCHING ? getMatching() : pickedIds().size();
  }

  /** The row of the page where a resource is, as the table numbers its rows; -1 when not shown. */
  int rowOf(long itemId) {
    List<NoticeDetails.Item> page = model.page();
    for (int i = 0; i < page.size(); i++) {
      if (page.get(i).id() == itemId) {
        return first + i;
      }
    }
    return -1;
  }

  /** The URL of a resource on the page, for messages about it. */
  String urlOf(long itemId) {
    return model.page().stream()
        .filter(i -> i.id() == itemId)
        .map(NoticeDetails.Item::url)
        .findFirst()
        .orElse("");
  }

  /** One page at a time from the service; nothing else is held but the page shown. */
  private final class ItemModel extends PagedById<NoticeDetails.Item> {

    private static final long serialVersionUID = 1L;

    @Override
    protected long matching() {
      return getMatching();
    }

    @Override
    protected List<NoticeDetails.Item> fetch(int first, int pageSize) {
      NoticeItemsBacking.this.first = first;
      return notices.items(noticeView.getDetails().id(), filter, first, pageSize);
    }

    @Override
    protected long idOf(NoticeDetails.Item row) {
      return row.id();
    }
  }

  public LazyDataModel<NoticeDetails.Item> getModel() {
    return model;
  }

  public NoticeItemFilter getFilter() {
    return filter;
  }

  public Map<Long, Boolean> getPicked() {
    return picked;
  }

  public Scope getScope() {
    return scope;
  }

  public void setScope(Scope scope) {
    this.scope = scope == null ? Scope.PICKED : scope;
  }

  public Scope[] getScopes() {
    return Scope.values();
  }

  public NoticeItemFilter.State[] getStates() {
    return NoticeItemFilter.State.values();
  }

  public String getUrlText() {
    return urlText;
  }

  public void setUrlText(String urlText) {
    this.urlText = urlText;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public NoticeItemFilter.State getState() {
    return state;
  }

  public void setState(NoticeItemFilter.State state) {
    this.state = state;
  }
}
