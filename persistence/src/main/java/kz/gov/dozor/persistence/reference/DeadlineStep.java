package kz.gov.dozor.persistence.reference;

/** The steps of the procedure that have a deadline, in the order they happen. */
public enum DeadlineStep {
  /** A supervisor of the agency signs a notification off. */
  SIGN_OFF,
  /** The ministry decides on a notification sent to it. */
  MINISTRY_DECISION,
  /** The agency answers the ministry's question. */
  AGENCY_ANSWER,
  /** An internet provider applies an urgent registry change (child sexual abuse material). */
  PROVIDER_URGENT,
  /** An internet provider applies any other registry change. */
  PROVIDER_ROUTINE;

  /**
   * The ministry's own steps (its decision, and what it asks of providers); the others are the
   * agency's.
   */
  public boolean isMinistrys() {
    return this == MINISTRY_DECISION || isProviders();
  }

  /** A provider's step: counted in hours, not days. */
  public boolean isProviders() {
    return this == PROVIDER_URGENT || this == PROVIDER_ROUTINE;
  }
}
