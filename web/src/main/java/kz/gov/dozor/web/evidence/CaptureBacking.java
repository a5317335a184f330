package kz.gov.dozor.web.evidence;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.evidence.capture.CaptureService;
import kz.gov.dozor.ejb.evidence.capture.CaptureView;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.web.cases.CaseViewBacking;
import kz.gov.dozor.web.platform.Messages;

/** The case page's captures: ask for one, follow them while they run, retry a failed one. */
@Named("captures")
@ViewScoped
public class CaptureBacking implements Serializable {

  @Inject private CaseViewBacking caseView;
  @Inject private CaptureService captures;

  private String url;
  private List<CaptureView> rows;
  private boolean wereActive;

  public String getUnavailable() {
    return captures.unavailable();
  }

  public List<CaptureView> getRows() {
    if (rows == null) {
      CaseDetails c = caseView.getDetails();
      rows = c == null ? List.of() : captures.forCase(c.id());
      wereActive |= rows.stream().anyMatch(CaptureView::isActive);
    }
    return rows;
  }

  /** Whether a capture is queued or running: the page then asks again every few seconds. */
  public boolean isActive() {
    return getRows().stream().anyMatch(CaptureView::isActive);
  }

  /** Asks again; when the last capture has finished, the case (and its evidence) is read again. */
  public void refresh() {
    rows = null;
    if (wereActive && !isActive()) {
      wereActive = false;
      caseView.reload();
    }
  }

  public void request() {
    CaseDetails c = caseView.getDetails();
    try {
      Object req = FacesContext.getCurrentInstance().getExternalContext().getRequest();
      captures.request(c.id(), url, req instanceof HttpServletRequest r ? r.getRemoteAddr() : null);
      Messages.success("capture.done.requested");
      url = null;
      rows = null;
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "captureForm:" + field);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
  }

  public void retry(long id) {
    try {
      captures.retry(id);
      rows = null;
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
