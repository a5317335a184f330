package kz.gov.dozor.ejb.cases;

import jakarta.persistence.EntityManager;
import java.io.Serializable;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ViolationCase;

/**
 * What can be done to a case now, from its state: the page offers exactly these, and the service
 * refuses anything else with the same rules.
 */
public record CaseActions(
    boolean route, boolean dismiss, boolean recordReferral, boolean recordOutcome, boolean close)
    implements Serializable {

  public static final CaseActions NONE = new CaseActions(false, false, false, false, false);

  static CaseActions of(ViolationCase vc, Referral referral, boolean allResourcesFinal) {
    if (vc.isSealed()) {
      return NONE;
    }
    CaseStatus s = vc.getStatus();
    boolean referralRoute = s.referralKind() != null;
    return new CaseActions(
        s == CaseStatus.REGISTERED,
        s.canMoveTo(CaseStatus.DISMISSED),
        referralRoute && referral == null,
        referralRoute && referral != null && referral.getOutcome() == null,
        whyNotClosable(vc, referral, allResourcesFinal) == null);
  }

  /** Null when the case can close; else the message key of what is missing. */
  static String whyNotClosable(ViolationCase vc, Referral referral, boolean allResourcesFinal) {
    CaseStatus s = vc.getStatus();
    if (!s.canMoveTo(CaseStatus.CLOSED)) {
      return "close.notDecided";
    }
    if (s.referralKind() != null && (referral == null || referral.getOutcome() == null)) {
      return "close.outcomeMissing";
    }
    if (s == CaseStatus.BLOCKING && !allResourcesFinal) {
      // Every blocked resource needs the ministry's decision first.
      return "close.blockingOpen";
    }
    return null;
  }

  /** Whether the ministry has blocked or refused every resource of the case. */
  static boolean allResourcesFinal(EntityManager em, ViolationCase vc) {
    return em.createQuery(
                "select count(r) from CaseResource r where r.violationCase = :c and not exists"
                    + " (select 1 from NoticeResource nr where nr.resource = r and nr.decision in"
                    + " (kz.gov.dozor.persistence.notices.ResourceDecision.BLOCK,"
                    + " kz.gov.dozor.persistence.notices.ResourceDecision.REFUSE))",
                Long.class)
            .setParameter("c", vc)
            .getSingleResult()
        == 0;
  }

  public boolean any() {
    return route || dismiss || recordReferral || recordOutcome || close;
  }
}
