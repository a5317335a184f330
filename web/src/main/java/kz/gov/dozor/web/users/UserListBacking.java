package kz.gov.dozor.web.users;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.users.DirectoryUnavailableException;
import kz.gov.dozor.ejb.users.UserPage;
import kz.gov.dozor.ejb.users.UserQueries;
import kz.gov.dozor.ejb.users.UserRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The administrator's list of their organisation's users, read from Keycloak a page at a time and
 * searched by login, name or e-mail. When Keycloak does not answer, the page says so.
 */
@Named("userList")
@ViewScoped
public class UserListBacking implements Serializable {

  static final int PAGE = 20;

  @Inject private UserQueries queries;

  private String search;
  private boolean unavailable;
  private LazyDataModel<UserRow> model;

  /** The page last read: the table asks for the count and the rows in turn. */
  private transient UserPage lastPage;

  private transient String lastKey;

  @PostConstruct
  void init() {
    model =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, page(0, PAGE).total());
          }

          @Override
          public List<UserRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return page(first, size).rows();
          }

          @Override
          public String getRowKey(UserRow row) {
            return row.id();
          }

          @Override
          public UserRow getRowData(String rowKey) {
            return null;
          }
        };
  }

  private UserPage page(int first, int size) {
    String key = search + "|" + first + "|" + size;
    if (lastPage != null && key.equals(lastKey)) {
      return lastPage;
    }
    try {
      lastPage = queries.findUsers(search, first, size);
      unavailable = false;
    } catch (DirectoryUnavailableException e) {
      lastPage = new UserPage(List.of(), 0);
      unavailable = true;
    }
    lastKey = key;
    return lastPage;
  }

  /**
   * Reads the first page before the page is drawn, so that whether Keycloak answers is known where
   * the page says so (above the table).
   */
  public void load() {
    page(0, PAGE);
  }

  /** Searches again (the table then starts at its first page). */
  public void find() {
    lastPage = null;
    page(0, PAGE);
  }

  public LazyDataModel<UserRow> getModel() {
    return model;
  }

  public boolean isUnavailable() {
    return unavailable;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public int getPageSize() {
    return PAGE;
  }
}
