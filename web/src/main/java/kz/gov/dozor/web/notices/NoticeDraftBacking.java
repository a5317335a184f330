package kz.gov.dozor.web.notices;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.ejb.cases.CaseResourceFilter;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.notices.NoticeRow;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.web.cases.CaseViewBacking;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.platform.PagedById;
import kz.gov.dozor.web.reference.LegalBasisOptions;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The notifications part of the case page: the case's notifications and a new draft, whose
 * resources are picked on any page of the case's free ones (paged by the database), or taken all at
 * once (all free ones, or those whose address contains a text).
 */
@Named("noticeDraft")
@ViewScoped
public class NoticeDraftBacking implements Serializable {

  @Inject private CaseViewBacking caseView;
  @Inject private NoticeService notices;
  @Inject private LegalBasisOptions legalBases;
  @Inject private CaseService cases;

  // All the case's resources not in a notification yet, instead of ticking them one by one.
  private boolean allFree;
  // The picker's filter, and with allFree: only those whose address contains this text.
  private String freeFilter;
  private CaseResourceFilter filter = CaseResourceFilter.free(null);
  // Picks survive paging and filtering; only their ids are held.
  private final Map<Long, Boolean> picked = new HashMap<>();
  private LazyDataModel<ResourceView> freeModel;
  private long matching = -1;
  private List<Long> evidenceIds = new ArrayList<>();
  private Long legalBasisId;
  private boolean basisChosen;
  private String legalBasis;
  private String justification;
  private String letterLanguage;
  private List<NoticeRow> rows;

  @PostConstruct
  void init() {
    freeModel = new FreeModel();
  }

  /** Shows the free resources whose address contains the filter's text, from the first page. */
  public void applyFilter() {
    filter = CaseResourceFilter.free(freeFilter);
    matching = -1;
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null
        && faces.getViewRoot().findComponent("noticeForm:freeResources") instanceof DataTable t) {
      t.setFirst(0);
    }
  }

  /** The ids of the resources picked, on any page. */
  public List<Long> pickedIds() {
    Set<Long> ids = new TreeSet<>();
    picked.forEach(
        (id, on) -> {
          if (Boolean.TRUE.equals(on)) {
            ids.add(id);
          }
        });
    return new ArrayList<>(ids);
  }

  /** How many resources are picked now. */
  public int getPickedCount() {
    return pickedIds().size();
  }

  /** How many free resources match the picker's filter (counted once per filter). */
  public long getMatching() {
    CaseDetails c = caseView.getDetails();
    if (matching < 0 && c != null) {
      matching = cases.countResources(c.id(), filter);
    }
    return Math.max(0, matching);
  }

  /** The free resources a page at a time, through the same guarded service as the case page. */
  private final class FreeModel extends PagedById<ResourceView> {

    private static final long serialVersionUID = 1L;

    @Override
    protected long matching() {
      return getMatching();
    }

    @Override
    protected List<ResourceView> fetch(int first, int pageSize) {
      CaseDetails c = caseView.getDetails();
      return c == null ? List.of() : cases.resources(c.id(), filter, first, pageSize);
    }

    @Override
    protected long idOf(ResourceView row) {
      return row.id();
    }
  }

  public LazyDataModel<ResourceView> getFreeModel() {
    return freeModel;
  }

  public Map<Long, Boolean> getPicked() {
    return picked;
  }

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
              allFree ? notices.resourcesToNotify(c.id(), freeFilter) : pickedIds(),
              getLegalBasisId(),
              legalBasis,
              justification,
              evidenceIds,
              getLetterLanguage());
      Messages.success("notice.done.submitted");
      return "/notices/view?faces-redirect=true&id=" + id;
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> "noticeForm:" + field);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  /** The letter's language: as chosen, else the language of the page. */
  public String getLetterLanguage() {
    if (letterLanguage == null) {
      var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
      String lang = faces == null ? "ru" : faces.getViewRoot().getLocale().getLanguage();
      letterLanguage = java.util.Set.of("kk", "ru", "en").contains(lang) ? lang : "ru";
    }
    return letterLanguage;
  }

  public void setLetterLanguage(String letterLanguage) {
    this.letterLanguage = letterLanguage;
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
