package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.ejb.platform.DozorException;

/** Someone else changed the case since the user opened it; nothing was overwritten. */
public class ConcurrentChangeException extends DozorException {
  public ConcurrentChangeException() {
    super("case.changedBySomeoneElse");
  }
}
