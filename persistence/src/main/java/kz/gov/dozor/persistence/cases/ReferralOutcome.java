package kz.gov.dozor.persistence.cases;

import kz.gov.dozor.persistence.reference.ReferralKind;

/** What the competent body did with a referral. */
public enum ReferralOutcome {
  PROCEEDINGS_OPENED(ReferralKind.CRIMINAL),
  PROCEEDINGS_REFUSED(ReferralKind.CRIMINAL),
  PENALTY_IMPOSED(ReferralKind.ADMINISTRATIVE),
  PENALTY_REFUSED(ReferralKind.ADMINISTRATIVE);

  private final ReferralKind kind;

  ReferralOutcome(ReferralKind kind) {
    this.kind = kind;
  }

  public ReferralKind kind() {
    return kind;
  }

  /** An imposed penalty has an amount, in MRP (the monthly calculation index). */
  public boolean needsPenalty() {
    return this == PENALTY_IMPOSED;
  }
}
