package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.ejb.platform.DozorException;

/** The text is not a URL of a resource we can record; the key says why. */
public class InvalidUrlException extends DozorException {
  public InvalidUrlException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
