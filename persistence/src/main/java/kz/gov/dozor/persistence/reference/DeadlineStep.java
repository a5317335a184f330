package kz.gov.dozor.persistence.reference;

/** The steps of the procedure that have a deadline, in the order they happen. */
public enum DeadlineStep {
  /** A supervisor of the agency signs a notification off. */
  SIGN_OFF,
  /** The ministry decides on a notification sent to it. */
  MINISTRY_DECISION,
  /** The agency answers the ministry's question. */
  AGENCY_ANSWER;

  /** The ministry's own step; the others are the agency's. */
  public boolean isMinistrys() {
    return this == MINISTRY_DECISION;
  }
}
