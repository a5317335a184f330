package kz.gov.dozor.ejb.cases;

/** The orders the case list offers; each maps to an indexed column. */
public enum CaseSort {
  REGISTERED_AT("c.registeredAt"),
  REGISTRATION_NUMBER("c.registrationNumber"),
  DETECTED_AT("c.detectedAt"),
  STATUS("c.status"),
  CATEGORY("c.category.code");

  final String path;

  CaseSort(String path) {
    this.path = path;
  }
}
