package kz.gov.dozor.ejb.platform.signing;

/** The signing key is not configured or cannot be read: nothing is signed, so nothing is sent. */
public class SigningUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SigningUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
