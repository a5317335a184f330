package kz.gov.dozor.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditRow;
import kz.gov.dozor.ejb.audit.AuditService;
import kz.gov.dozor.ejb.audit.ChainVerification;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit page: the organisation's entries, newest first, and the chain's last check. */
@Named("auditLog")
@ViewScoped
public class AuditBacking implements Serializable {

  @Inject private AuditService audit;

  private ChainVerification verification;
  private LazyDataModel<AuditRow> entries;

  @PostConstruct
  void init() {
    verification = audit.lastVerification().orElse(null);
    entries =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, audit.countEntries());
          }

          @Override
          public List<AuditRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.entries(first, size);
          }

          @Override
          public String getRowKey(AuditRow row) {
            return String.valueOf(row.seq());
          }

          @Override
          public AuditRow getRowData(String rowKey) {
            return null;
          }
        };
  }

  public void verifyNow() {
    verification = audit.verifyNow();
  }

  public ChainVerification getVerification() {
    return verification;
  }

  public LazyDataModel<AuditRow> getEntries() {
    return entries;
  }
}
