package kz.gov.dozor.ejb.evidence.capture;

/**
 * A target the portal must not reach (a scheme other than http and https, a loopback, private,
 * link-local or cloud-metadata address, or a name or redirect that leads to one), or a page that
 * could not be captured; {@code reason} says which, for people.
 */
public class CaptureFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  public CaptureFailedException(String reason) {
    super(reason);
  }

  public CaptureFailedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
