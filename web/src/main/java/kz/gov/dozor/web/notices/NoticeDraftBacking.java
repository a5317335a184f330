package kz.gov.dozor.web.notices;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.notices.NoticeRow;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.web.cases.CaseViewBacking;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.reference.LegalBasisOptions;

/** The notifications part of the case page: the case's notifications and a new draft. */
@Named("noticeDraft")
@ViewScoped
public class NoticeDraftBacking implements Serializable {

  @Inject private CaseViewBacking caseView;
  @Inject private NoticeService notices;
  @Inject private LegalBasisOptions legalBases;

  private List<Long> resourceIds = new ArrayList<>();
  // All the case's resources not in a notification yet, instead of ticking them one by one.
  private boolean allFree;
  // With allFree: only those whose address contains this text.
  private String freeFilter;
  private List<Long> evidenceIds = new ArrayList<>();
  private Long legalBasisId;
  private boolean basisChosen;
  private String legalBasis;
  private String justification;
  private List<NoticeRow> rows;

  public List<NoticeRow> getRows() {
    if (rows == null) {
      CaseDetails c = caseView.getDetails();
      rows = c == null ? List.of() : notices.forCase(c.id());
    }
    return rows;
  }

  /** Submits the draft for a supervisor's sign-off and opens it. */
  public String submit() {
    CaseDetails c = caseView.getDetails();
    try {
      long id =
          notices.submit(
              c.id(),
              allFree ? notices.resourcesToNotify(c.id(), freeFilter) : resourceIds,
              getLegalBasisId(),
              legalBasis,
              justification,
              evidenceIds);
      Messages.success("notice.done.submitted");
      return "/notices/view?faces-redirect=true&id=" + id;
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "noticeForm:" + field);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  public List<Long> getResourceIds() {
    return resourceIds;
  }

  public void setResourceIds(List<Long> resourceIds) {
    this.resourceIds = resourceIds;
  }

  public boolean isAllFree() {
    return allFree;
  }

  public void setAllFree(boolean allFree) {
    this.allFree = allFree;
  }

  public List<Long> getEvidenceIds() {
    return evidenceIds;
  }

  public void setEvidenceIds(List<Long> evidenceIds) {
    this.evidenceIds = evidenceIds;
  }

  /** A legal basis picked from the list fills the text field with its citation. */
  public void basisPicked() {
    String citation = legalBases.citation(legalBasisId);
    if (citation != null) {
      legalBasis = citation;
    }
  }

  /** The basis picked; at first the one the case's route cited, if it is still offered. */
  public Long getLegalBasisId() {
    if (!basisChosen && caseView.getDetails() != null) {
      basisChosen = true;
      CaseDetails c = caseView.getDetails();
      if (c.pickedBasis() != null && legalBases.offers(c.pickedBasis().id())) {
        legalBasisId = c.pickedBasis().id();
      }
    }
    return legalBasisId;
  }

  public void setLegalBasisId(Long legalBasisId) {
    this.basisChosen = true;
    this.legalBasisId = legalBasisId;
  }

  public String getLegalBasis() {
    if (legalBasis == null && caseView.getDetails() != null) {
      legalBasis = caseView.getDetails().legalReference();
    }
    return legalBasis;
  }

  public void setLegalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getFreeFilter() {
    return freeFilter;
  }

  public void setFreeFilter(String freeFilter) {
    this.freeFilter = freeFilter;
  }
}
