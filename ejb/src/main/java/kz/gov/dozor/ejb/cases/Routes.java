package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.ProhibitedBy;

/**
 * The procedure's answer to its two questions: signs of a crime lead to criminal proceedings;
 * otherwise content already prohibited by a law or a court is blocked; anything else goes to the
 * competent body for an administrative penalty.
 */
public final class Routes {

  private Routes() {}

  public static CaseStatus routeFor(boolean crimeSigns, ProhibitedBy prohibitedBy) {
    if (crimeSigns) {
      return CaseStatus.CRIMINAL_REFERRAL;
    }
    if (prohibitedBy != null && prohibitedBy != ProhibitedBy.NONE) {
      return CaseStatus.BLOCKING;
    }
    return CaseStatus.ADMINISTRATIVE_REFERRAL;
  }
}
