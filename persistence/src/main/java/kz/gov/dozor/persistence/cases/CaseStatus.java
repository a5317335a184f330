package kz.gov.dozor.persistence.cases;

import java.util.EnumSet;
import java.util.Set;
import kz.gov.dozor.persistence.reference.ReferralKind;

/** The states of a case and the transitions allowed between them: the rule lives here once. */
public enum CaseStatus {
  REGISTERED,
  CRIMINAL_REFERRAL,
  ADMINISTRATIVE_REFERRAL,
  BLOCKING,
  DISMISSED,
  CLOSED;

  public Set<CaseStatus> next() {
    return switch (this) {
      case REGISTERED ->
          EnumSet.of(CRIMINAL_REFERRAL, ADMINISTRATIVE_REFERRAL, BLOCKING, DISMISSED);
      case CRIMINAL_REFERRAL, ADMINISTRATIVE_REFERRAL, BLOCKING -> EnumSet.of(CLOSED);
      case DISMISSED -> EnumSet.of(CLOSED);
      case CLOSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  public boolean canMoveTo(CaseStatus target) {
    return next().contains(target);
  }

  /** The kind of referral this route sends; null for routes that refer nowhere. */
  public ReferralKind referralKind() {
    return switch (this) {
      case CRIMINAL_REFERRAL -> ReferralKind.CRIMINAL;
      case ADMINISTRATIVE_REFERRAL -> ReferralKind.ADMINISTRATIVE;
      default -> null;
    };
  }
}
