package kz.gov.dozor.persistence.cases;

import java.util.EnumSet;
import java.util.Set;

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
}
