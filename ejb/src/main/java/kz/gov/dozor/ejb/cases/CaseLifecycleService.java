package kz.gov.dozor.ejb.cases;

import static kz.gov.dozor.ejb.platform.Checks.blankToNull;
import static kz.gov.dozor.ejb.platform.Checks.isBlank;
import static kz.gov.dozor.ejb.platform.Checks.maxLength;
import static kz.gov.dozor.ejb.platform.Checks.refuseIf;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.reference.PickedBasis;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ReferralOutcome;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.reference.RecipientBody;
import kz.gov.dozor.persistence.reference.ReferralKind;

/**
 * What happens to a case after registration: the route, a dismissal, the referral to a competent
 * body and its outcome, and closing. Every change names the version of the case the user saw; a
 * case changed by someone else meanwhile is refused, not overwritten.
 */
@Stateless
@RolesAllowed(Roles.INVESTIGATOR)
public class CaseLifecycleService {

  public static final int MAX_TEXT = 4000;

  @PersistenceContext private EntityManager em;
  @Inject private CaseGuard guard;
  @Inject private AuditLog audit;
  @Inject private Clock clock;

  /**
   * Answers the procedure's two questions; the answers decide the route. When the content is
   * already prohibited, the act that prohibits it is cited: a legal basis picked from the list
   * ({@code legalBasisId}, which must still be offered) and/or the text as typed.
   */
  public CaseStatus decideRoute(
      long caseId,
      long version,
      Boolean crimeSigns,
      ProhibitedBy prohibitedBy,
      Long legalBasisId,
      String legalReference,
      String comment) {
    List<Problem> problems = new ArrayList<>();
    if (crimeSigns == null) {
      problems.add(new Problem("crimeSigns", "route.crimeSigns.required"));
    }
    boolean cites = prohibitedBy != null && prohibitedBy != ProhibitedBy.NONE;
    LegalBasis picked = cites ? PickedBasis.of(em, legalBasisId, "legalBasisPick", problems) : null;
    if (prohibitedBy == null) {
      problems.add(new Problem("prohibitedBy", "route.prohibitedBy.required"));
    } else if (cites && isBlank(legalReference) && legalBasisId == null) {
      problems.add(new Problem("legalReference", "route.legalReference.required"));
    }
    maxLength("legalReference", legalReference, 1000, problems);
    maxLength("comment", comment, MAX_TEXT, problems);
    refuseIf(problems);
    ViolationCase vc = guard.changeable(caseId, version);
    CaseStatus route = Routes.routeFor(crimeSigns, prohibitedBy);
    vc.answerRouteQuestions(
        crimeSigns, prohibitedBy, cites ? PickedBasis.text(legalReference, picked) : null, picked);
    transition(vc, route, CaseEvent.Type.ROUTED, blankToNull(comment));
    return route;
  }

  /** Dismisses a case in which no violation was confirmed. */
  public void dismiss(long caseId, long version, String reason) {
    List<Problem> problems = new ArrayList<>();
    if (isBlank(reason)) {
      problems.add(new Problem("reason", "dismiss.reason.required"));
    }
    maxLength("reason", reason, MAX_TEXT, problems);
    refuseIf(problems);
    ViolationCase vc = guard.changeable(caseId, version);
    vc.dismissBecause(reason.strip());
    transition(vc, CaseStatus.DISMISSED, CaseEvent.Type.DISMISSED, reason.strip());
  }

  /** Records the outgoing letter that referred the case to a competent body. */
  public void recordReferral(
      long caseId, long version, String bodyCode, String letterNumber, LocalDate letterDate) {
    List<Problem> problems = new ArrayList<>();
    RecipientBody body = isBlank(bodyCode) ? null : em.find(RecipientBody.class, bodyCode);
    if (body == null || !body.isActive()) {
      problems.add(new Problem("body", "referral.body.required"));
    }
    if (isBlank(letterNumber)) {
      problems.add(new Problem("letterNumber", "referral.letterNumber.required"));
    }
    maxLength("letterNumber", letterNumber, 100, problems);
    if (letterDate == null) {
      problems.add(new Problem("letterDate", "referral.letterDate.required"));
    } else if (letterDate.isAfter(LocalDate.now(clock.withZone(Almaty.ZONE)))) {
      problems.add(new Problem("letterDate", "referral.letterDate.future"));
    }
    refuseIf(problems);
    ViolationCase vc = guard.changeable(caseId, version);
    ReferralKind kind = vc.getStatus().referralKind();
    if (kind == null || em.find(Referral.class, caseId) != null) {
      throw new TransitionNotAllowedException("referral.notExpected", vc.getStatus());
    }
    if (body.getKind() != kind) {
      throw new InvalidInputException(List.of(new Problem("body", "referral.body.wrongKind")));
    }
    Caller caller = guard.agencyCaller();
    Instant now = clock.instant();
    em.persist(
        new Referral(caseId, body, letterNumber.strip(), letterDate, caller.username(), now));
    event(
        vc,
        CaseEvent.Type.REFERRAL_SENT,
        body.getCode() + " " + letterNumber.strip() + " " + letterDate);
    touch(vc);
    audit.record(
        AuditAction.REFERRAL_RECORDED, "case", caseId, "letter " + letterNumber.strip(), null);
  }

  /** Records what the competent body did with the referral. */
  public void recordReferralOutcome(
      long caseId, long version, ReferralOutcome outcome, BigDecimal penaltyMrp, String comment) {
    List<Problem> problems = new ArrayList<>();
    if (outcome == null) {
      problems.add(new Problem("outcome", "outcome.required"));
    } else if (outcome.needsPenalty()
        && (penaltyMrp == null || penaltyMrp.signum() <= 0 || penaltyMrp.scale() > 2)) {
      problems.add(new Problem("penaltyMrp", "outcome.penalty.required"));
    } else if (outcome.kind() == ReferralKind.CRIMINAL && penaltyMrp != null) {
      // Criminal proceedings are opened or refused; a penalty in MRP is not theirs to impose.
      problems.add(new Problem("penaltyMrp", "outcome.penalty.notForCriminal"));
    }
    maxLength("comment", comment, MAX_TEXT, problems);
    refuseIf(problems);
    ViolationCase vc = guard.changeable(caseId, version);
    Referral referral = em.find(Referral.class, caseId);
    if (referral == null || referral.getOutcome() != null) {
      throw new TransitionNotAllowedException("outcome.notExpected", vc.getStatus());
    }
    if (outcome.kind() != vc.getStatus().referralKind()) {
      throw new InvalidInputException(List.of(new Problem("outcome", "outcome.wrongKind")));
    }
    BigDecimal penalty = outcome.needsPenalty() ? penaltyMrp : null;
    referral.recordOutcome(
        outcome, penalty, blankToNull(comment), guard.agencyCaller().username(), clock.instant());
    event(
        vc,
        CaseEvent.Type.REFERRAL_OUTCOME,
        outcome
            + (penalty == null ? "" : " " + penalty.toPlainString() + " MRP")
            + (isBlank(comment) ? "" : ": " + comment.strip()));
    touch(vc);
    audit.record(AuditAction.REFERRAL_RECORDED, "case", caseId, "outcome " + outcome, null);
  }

  /** Closes a case whose every resource has its final outcome; a closed case is sealed. */
  public void closeCase(long caseId, long version, String comment) {
    List<Problem> problems = new ArrayList<>();
    maxLength("comment", comment, MAX_TEXT, problems);
    refuseIf(problems);
    ViolationCase vc = guard.changeable(caseId, version);
    String missing =
        CaseActions.whyNotClosable(
            vc, em.find(Referral.class, caseId), CaseActions.allResourcesFinal(em, vc));
    if (missing != null) {
      throw new TransitionNotAllowedException(missing, vc.getStatus());
    }
    transition(vc, CaseStatus.CLOSED, CaseEvent.Type.CLOSED, blankToNull(comment));
  }

  private void transition(ViolationCase vc, CaseStatus target, CaseEvent.Type type, String detail) {
    CaseStatus from = vc.getStatus();
    if (!from.canMoveTo(target)) {
      throw new TransitionNotAllowedException(from, target);
    }
    Instant now = clock.instant();
    vc.moveTo(target, now);
    em.persist(new CaseEvent(vc, now, guard.agencyCaller().username(), type, from, target, detail));
    // Write the case now: a concurrent change must surface here, as such, not in the audit call.
    flush();
    audit.record(AuditAction.CASE_STATE_CHANGED, "case", vc.getId(), from + " -> " + target, null);
  }

  private void event(ViolationCase vc, CaseEvent.Type type, String detail) {
    em.persist(
        new CaseEvent(
            vc, clock.instant(), guard.agencyCaller().username(), type, null, null, detail));
  }

  /** A change beside the case row still makes the case a new version, for everyone's checks. */
  private void touch(ViolationCase vc) {
    em.lock(vc, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    flush();
  }

  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentChangeException();
    }
  }
}
