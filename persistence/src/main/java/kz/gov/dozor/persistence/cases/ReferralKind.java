package kz.gov.dozor.persistence.cases;

/** Where a referral goes: criminal proceedings or an administrative penalty. */
public enum ReferralKind {
  CRIMINAL,
  ADMINISTRATIVE;

  /** The route (case status) of this kind of referral. */
  public CaseStatus route() {
    return this == CRIMINAL ? CaseStatus.CRIMINAL_REFERRAL : CaseStatus.ADMINISTRATIVE_REFERRAL;
  }

  public static ReferralKind of(CaseStatus route) {
    return switch (route) {
      case CRIMINAL_REFERRAL -> CRIMINAL;
      case ADMINISTRATIVE_REFERRAL -> ADMINISTRATIVE;
      default -> null;
    };
  }
}
