package kz.gov.dozor.ejb.evidence.capture;

import kz.gov.dozor.ejb.platform.DozorException;

/** Pages cannot be captured here (no browser installed, say); the reason says why. */
public class CaptureUnavailableException extends DozorException {

  private static final long serialVersionUID = 1L;

  public CaptureUnavailableException(String reason) {
    super("capture.unavailable", reason);
  }
}
