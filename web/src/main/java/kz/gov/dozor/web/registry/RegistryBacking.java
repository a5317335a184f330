package kz.gov.dozor.web.registry;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.registry.RegistryRow;
import kz.gov.dozor.ejb.registry.RegistryService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The registry page: entries paged by the database, filtered by state and URL text. */
@Named("registryList")
@ViewScoped
public class RegistryBacking implements Serializable {

  @Inject private RegistryService registry;

  private String state = "active";
  private String urlText;
  private LazyDataModel<RegistryRow> model;

  @PostConstruct
  void init() {
    model =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, registry.count(active(), urlText));
          }

          @Override
          public List<RegistryRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return registry.find(active(), urlText, first, size);
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

  private Boolean active() {
    return switch (state == null ? "" : state) {
      case "active" -> Boolean.TRUE;
      case "lifted" -> Boolean.FALSE;
      default -> null;
    };
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
}
