package kz.gov.dozor.ejb.notices;

import kz.gov.dozor.ejb.platform.DozorException;

/** Nobody signs off their own draft. */
public class FourEyesException extends DozorException {
  public FourEyesException() {
    super("notice.fourEyes");
  }
}
