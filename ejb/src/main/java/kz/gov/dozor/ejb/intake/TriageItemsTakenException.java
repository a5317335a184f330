package kz.gov.dozor.ejb.intake;

import kz.gov.dozor.ejb.platform.DozorException;

/** Some of the chosen items are held by someone else: nothing was done to any of them. */
public class TriageItemsTakenException extends DozorException {
  public TriageItemsTakenException(int count, String holder) {
    super("triage.takenByOther", count, holder);
  }
}
