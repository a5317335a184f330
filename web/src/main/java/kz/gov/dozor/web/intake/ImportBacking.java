package kz.gov.dozor.web.intake;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.intake.ImportRejection;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** One import: its progress while it runs and its rejected rows, paged. */
@Named("importView")
@ViewScoped
public class ImportBacking implements Serializable {

  @Inject private ImportService service;

  private Long id;
  private ImportView view;
  private final LazyDataModel<ImportRejection> rejections = new RejectionModel();

  public void load() {
    if (id != null) {
      view = service.view(id);
    }
  }

  public void refresh() {
    load();
  }

  private final class RejectionModel extends LazyDataModel<ImportRejection> {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return view == null ? 0 : (int) Math.min(Integer.MAX_VALUE, view.rejected());
    }

    @Override
    public List<ImportRejection> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return view == null ? List.of() : service.rejections(view.id(), first, pageSize);
    }

    @Override
    public String getRowKey(ImportRejection r) {
      return String.valueOf(r.row());
    }
  }

  /**
   * The reason of a rejected row in the reader's language when the portal knows the problem's code,
   * else as intake worded it.
   */
  public String problemText(ImportRejection r) {
    String key = "import.problem." + r.problem();
    String text = Messages.text(key);
    return key.equals(text) ? (r.detail() == null ? r.problem() : r.detail()) : text;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ImportView getView() {
    return view;
  }

  public LazyDataModel<ImportRejection> getRejections() {
    return rejections;
  }
}
