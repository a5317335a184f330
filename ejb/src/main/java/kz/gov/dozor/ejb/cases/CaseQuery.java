package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;

/**
 * Filters of the case list; null means "any". Dates are calendar days in Almaty, both ends
 * included.
 */
public record CaseQuery(
    CaseStatus status,
    String categoryCode,
    Platform platform,
    LocalDate registeredFrom,
    LocalDate registeredTo,
    String urlText)
    implements Serializable {

  public static CaseQuery any() {
    return new CaseQuery(null, null, null, null, null, null);
  }
}
