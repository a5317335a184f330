package kz.gov.dozor.persistence.intake;

/** Where a triage item stands. */
public enum TriageStatus {
  /** Waits for a person. At most one pending item per URL and organisation. */
  PENDING,
  /** Became (or joined) a case. */
  CASED,
  /** Dismissed by a person or by a suppression rule, with a reason. */
  DISMISSED
}
