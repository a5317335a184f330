package kz.gov.dozor.web.evidence;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.gov.dozor.ejb.evidence.capture.CaptureTargets;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.web.platform.Messages;

/** The agency administrators' allow-list of internal targets captures may reach. */
@Named("captureTargets")
@ViewScoped
public class CaptureTargetsBacking implements Serializable {

  @Inject private CaptureTargets targets;

  private List<CaptureTargets.Target> list;
  private String target;
  private String note;

  public void load() {
    list = targets.list();
  }

  public String allow() {
    try {
      targets.allow(target, note);
      Messages.success("captureTargets.added");
      return "/admin/capture-targets?faces-redirect=true";
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "target:" + field);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  public String remove(long id) {
    targets.remove(id);
    Messages.success("captureTargets.removed");
    return "/admin/capture-targets?faces-redirect=true";
  }

  public List<CaptureTargets.Target> getList() {
    return list;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
