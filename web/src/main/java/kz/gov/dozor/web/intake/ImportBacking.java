package kz.gov.dozor.web.intake;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.intake.ImportRejection;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** One import: its progress while it runs and its rejected rows, paged. */
@Named("importView")
@ViewScoped
public class ImportBacking implements Serializable {

  private static final String PLATFORMS =
      Arrays.stream(Platform.values()).map(Platform::name).collect(Collectors.joining(", "));

  @Inject private ImportService service;

  /**
   * From the address, as text: one that names no import ends in the 404 page, never a blank one.
   */
  private String id;

  private ImportView view;
  private final LazyDataModel<ImportRejection> rejections = new RejectionModel();

  public void load() {
    long importId;
    try {
      importId = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundException("import.notFound");
    }
    view = service.view(importId);
  }

  public void refresh() {
    view = service.view(view.id());
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
    // The known platforms are named for the one problem that needs them (a file's typo).
    String text =
        "unknown-platform".equals(r.problem()) ? Messages.text(key, PLATFORMS) : Messages.text(key);
    return key.equals(text) ? (r.detail() == null ? r.problem() : r.detail()) : text;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public ImportView getView() {
    return view;
  }

  public LazyDataModel<ImportRejection> getRejections() {
    return rejections;
  }
}
