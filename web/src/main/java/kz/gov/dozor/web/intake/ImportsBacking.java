package kz.gov.dozor.web.intake;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.intake.ImportFileException;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.event.FileUploadEvent;

/** The investigator's file imports: upload one, watch them run, open one. */
@Named("imports")
@ViewScoped
public class ImportsBacking implements Serializable {

  private static final Logger LOG = Logger.getLogger(ImportsBacking.class.getName());

  @Inject private ImportService service;

  private List<ImportView> mine;

  @PostConstruct
  void init() {
    refresh();
  }

  public void refresh() {
    mine = service.mine(50);
  }

  public void upload(FileUploadEvent event) {
    String clientId = event.getComponent().getClientId();
    String name = event.getFile().getFileName();
    try (InputStream in = event.getFile().getInputStream()) {
      long id = service.upload(in, name);
      service.start(id);
      String text = Messages.text("import.received", name);
      FacesContext.getCurrentInstance()
          .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    } catch (ImportFileException e) {
      Messages.addError(
          clientId,
          Messages.error(
              "import.refused", name, Messages.text(e.getMessageKey(), e.getArguments())));
    } catch (IOException | EJBException e) {
      LOG.log(Level.WARNING, "import upload failed", e);
      Messages.addError(clientId, Messages.error("import.uploadFailed", name));
    }
    refresh();
  }

  /** Whether the list should keep refreshing itself. */
  public boolean isRunning() {
    return mine.stream().anyMatch(v -> !v.isFinished());
  }

  public List<ImportView> getMine() {
    return mine;
  }
}
