package kz.gov.dozor.web.cases;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseLifecycleService;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.PickLists;
import kz.gov.dozor.ejb.reference.RecipientBodyView;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.cases.ReferralOutcome;
import kz.gov.dozor.persistence.reference.ReferralKind;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.platform.Races;
import kz.gov.dozor.web.reference.LegalBasisOptions;

/**
 * The decision part of the case page: route, dismissal, referral, outcome and closing. The page
 * offers what {@code CaseDetails.actions()} allows; the service checks again.
 */
@Named("decision")
@ViewScoped
public class CaseDecisionBacking implements Serializable {

  private static final String FORM = "decisionForm:";

  @Inject private CaseViewBacking caseView;
  @Inject private CaseLifecycleService lifecycle;
  @Inject private PickLists pickLists;
  @Inject private LegalBasisOptions legalBases;

  private Boolean crimeSigns;
  private ProhibitedBy prohibitedBy;
  private Long legalBasisId;
  private String legalReference;
  private String routeComment;
  private String dismissReason;
  private String bodyCode;
  private String letterNumber;
  private LocalDate letterDate;
  private ReferralOutcome outcome;
  private BigDecimal penaltyMrp;
  private String outcomeComment;
  private String closeComment;

  public String route() {
    return run(
        "case.done.route",
        Map.of("comment", "routeComment"),
        (id, v) ->
            lifecycle.decideRoute(
                id, v, crimeSigns, prohibitedBy, legalBasisId, legalReference, routeComment));
  }

  public String dismiss() {
    return run(
        "case.done.dismiss",
        Map.of("reason", "dismissReason"),
        (id, v) -> lifecycle.dismiss(id, v, dismissReason));
  }

  public String recordReferral() {
    return run(
        "case.done.referral",
        Map.of(),
        (id, v) -> lifecycle.recordReferral(id, v, bodyCode, letterNumber, letterDate));
  }

  public String recordOutcome() {
    return run(
        "case.done.outcome",
        Map.of("comment", "outcomeComment"),
        (id, v) -> lifecycle.recordReferralOutcome(id, v, outcome, penaltyMrp, outcomeComment));
  }

  public String close() {
    return run(
        "case.done.close",
        Map.of("comment", "closeComment"),
        (id, v) -> lifecycle.closeCase(id, v, closeComment));
  }

  /** A lifecycle call on the case as the user saw it. */
  @FunctionalInterface
  interface Change {
    void apply(long caseId, long version);
  }

  /**
   * Runs a change against the version the user saw. Refusals show next to their fields; a change by
   * someone else shows the case as it is now and keeps what the user typed.
   */
  private String run(String doneKey, Map<String, String> fieldIds, Change change) {
    CaseDetails seen = caseView.getDetails();
    try {
      change.apply(seen.id(), seen.version());
      Messages.success(doneKey, seen.registrationNumber());
      // Done: show the case afresh at its own address (a reload sends nothing again).
      return "/cases/view?faces-redirect=true&id=" + seen.id();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> FORM + fieldIds.getOrDefault(field, field));
      return null;
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    } catch (EJBException e) {
      if (!Races.lost(e)) {
        throw e;
      }
      // Both wrote at the same instant and the database kept the other one.
      Messages.addError(null, Messages.error("case.changedBySomeoneElse"));
    }
    caseView.reload();
    return null;
  }

  /** A legal basis picked from the list fills the text field with its citation. */
  public void basisPicked() {
    String citation = legalBases.citation(legalBasisId);
    if (citation != null) {
      legalReference = citation;
    }
  }

  /** The bodies this case's referral can go to. */
  public List<RecipientBodyView> getBodies() {
    ReferralKind kind = kind();
    return kind == null ? List.of() : pickLists.recipientBodies(kind);
  }

  /** The outcomes that fit this case's referral. */
  public List<ReferralOutcome> getOutcomes() {
    ReferralKind kind = kind();
    return Arrays.stream(ReferralOutcome.values()).filter(o -> o.kind() == kind).toList();
  }

  /** A penalty in MRP is an administrative outcome: criminal referrals are never offered one. */
  public boolean isPenaltyOffered() {
    return kind() == ReferralKind.ADMINISTRATIVE;
  }

  public ProhibitedBy[] getProhibitions() {
    return ProhibitedBy.values();
  }

  private ReferralKind kind() {
    CaseDetails d = caseView.getDetails();
    return d == null ? null : d.status().referralKind();
  }

  public Boolean getCrimeSigns() {
    return crimeSigns;
  }

  public void setCrimeSigns(Boolean crimeSigns) {
    this.crimeSigns = crimeSigns;
  }

  public ProhibitedBy getProhibitedBy() {
    return prohibitedBy;
  }

  public void setProhibitedBy(ProhibitedBy prohibitedBy) {
    this.prohibitedBy = prohibitedBy;
  }

  public Long getLegalBasisId() {
    return legalBasisId;
  }

  public void setLegalBasisId(Long legalBasisId) {
    this.legalBasisId = legalBasisId;
  }

  public String getLegalReference() {
    return legalReference;
  }

  public void setLegalReference(String legalReference) {
    this.legalReference = legalReference;
  }

  public String getRouteComment() {
    return routeComment;
  }

  public void setRouteComment(String routeComment) {
    this.routeComment = routeComment;
  }

  public String getDismissReason() {
    return dismissReason;
  }

  public void setDismissReason(String dismissReason) {
    this.dismissReason = dismissReason;
  }

  public String getBodyCode() {
    return bodyCode;
  }

  public void setBodyCode(String bodyCode) {
    this.bodyCode = bodyCode;
  }

  public String getLetterNumber() {
    return letterNumber;
  }

  public void setLetterNumber(String letterNumber) {
    this.letterNumber = letterNumber;
  }

  public LocalDate getLetterDate() {
    return letterDate;
  }

  public void setLetterDate(LocalDate letterDate) {
    this.letterDate = letterDate;
  }

  public ReferralOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(ReferralOutcome outcome) {
    this.outcome = outcome;
  }

  public BigDecimal getPenaltyMrp() {
    return penaltyMrp;
  }

  public void setPenaltyMrp(BigDecimal penaltyMrp) {
    this.penaltyMrp = penaltyMrp;
  }

  public String getOutcomeComment() {
    return outcomeComment;
  }

  public void setOutcomeComment(String outcomeComment) {
    this.outcomeComment = outcomeComment;
  }

  public String getCloseComment() {
    return closeComment;
  }

  public void setCloseComment(String closeComment) {
    this.closeComment = closeComment;
  }
}
