package kz.gov.dozor.web.registry;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.gov.dozor.ejb.registry.ProviderStatus;
import kz.gov.dozor.ejb.registry.Providers;

/** The ministry's page of internet providers: what each fetched and applied, and who is late. */
@Named("registryProviders")
@ViewScoped
public class ProvidersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Providers providers;

  private List<ProviderStatus> rows;

  @PostConstruct
  void init() {
    rows = providers.all();
  }

  public List<ProviderStatus> getRows() {
    return rows;
  }

  public long getCurrentVersion() {
    return rows.isEmpty() ? 0 : rows.get(0).currentVersion();
  }

  public long getOverdueCount() {
    return rows.stream().filter(ProviderStatus::overdue).count();
  }
}
