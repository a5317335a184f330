package kz.gov.dozor.ejb.platform;

/** The thing asked for does not exist. */
public class NotFoundException extends DozorException {
  public NotFoundException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
