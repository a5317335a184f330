package kz.gov.dozor.web.platform;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table's rows a page at a time from a service, keyed by their database ids: only the page shown
 * is held, and a row the table names by its key is found again on that page.
 */
public abstract class PagedById<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  private List<T> page = List.of();

  /** How many rows match now. */
  protected abstract long matching();

  /** The rows from {@code first}, at most {@code pageSize}. */
  protected abstract List<T> fetch(int first, int pageSize);

  /** A row's database id. */
  protected abstract long idOf(T row);

  /** The page shown last. */
  public List<T> page() {
    return page;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, matching());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    page = fetch(first, pageSize);
    return page;
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(idOf(row));
  }

  @Override
  public T getRowData(String rowKey) {
    for (T row : page) {
      if (rowKey.equals(getRowKey(row))) {
        return row;
      }
    }
    return null;
  }
}
