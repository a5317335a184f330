package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.ejb.platform.DozorException;

/** A closed case is sealed: it can be read, not changed. */
public class CaseSealedException extends DozorException {
  public CaseSealedException(String registrationNumber) {
    super("case.sealed", registrationNumber);
  }
}
