package kz.gov.dozor.ejb.platform;

/** The caller may not see or do this: another organisation's data, or a missing role. */
public class AccessDeniedException extends DozorException {
  public AccessDeniedException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
