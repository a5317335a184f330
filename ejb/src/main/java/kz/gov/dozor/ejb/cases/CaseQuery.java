package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;

/**
 * Filters of the case list; null means "any". Dates are calendar days in Almaty, both ends
 * included. {@code registrationNumber} is a part of the case's number; {@code number} a part of the
 * case's number or of the outgoing number of one of its block notifications.
 */
public record CaseQuery(
    CaseStatus status,
    String categoryCode,
    Platform platform,
    LocalDate registeredFrom,
    LocalDate registeredTo,
    String urlText,
    String registrationNumber,
    String number)
    implements Serializable {

  public CaseQuery(
      CaseStatus status,
      String categoryCode,
      Platform platform,
      LocalDate registeredFrom,
      LocalDate registeredTo,
      String urlText) {
    this(status, categoryCode, platform, registeredFrom, registeredTo, urlText, null, null);
  }

  /** Whether any filter is set (a blank text is no filter). */
  public boolean isFiltered() {
    return status != null
        || platform != null
        || registeredFrom != null
        || registeredTo != null
        || isSet(categoryCode)
        || isSet(urlText)
        || isSet(registrationNumber)
        || isSet(number);
  }

  private static boolean isSet(String text) {
    return text != null && !text.isBlank();
  }

  public static CaseQuery any() {
    return new CaseQuery(null, null, null, null, null, null, null, null);
  }

  public CaseQuery withRegistrationNumber(String text) {
    return new CaseQuery(
        status, categoryCode, platform, registeredFrom, registeredTo, urlText, text, number);
  }

  public CaseQuery withNumber(String text) {
    return new CaseQuery(
        status,
        categoryCode,
        platform,
        registeredFrom,
        registeredTo,
        urlText,
        registrationNumber,
        text);
  }
}
