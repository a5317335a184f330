package kz.gov.dozor.persistence.notices;

/** The ministry's decision on one resource of a notification. */
public enum ResourceDecision {
  BLOCK,
  REFUSE,
  RETURN;

  /** Block and refuse end the matter for the resource; a return asks the agency first. */
  public boolean isFinal() {
    return this != RETURN;
  }
}
