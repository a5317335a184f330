package kz.gov.dozor.ejb.reference;

import kz.gov.dozor.ejb.platform.DozorException;

/** Someone else changed the entry since the administrator opened it; nothing was overwritten. */
public class StaleEntryException extends DozorException {
  public StaleEntryException(String entry) {
    super("reference.changedBySomeoneElse", entry);
  }
}
