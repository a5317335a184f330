package kz.gov.dozor.ejb.evidence;

import kz.gov.dozor.ejb.platform.DozorException;

/** An evidence file we will not keep: too big, empty, of a type not allowed, or corrupt. */
public class EvidenceRejectedException extends DozorException {

  /** Why the file was refused; each has a message in the bundles. */
  public enum Reason {
    EMPTY,
    TOO_LARGE,
    TYPE_NOT_ALLOWED,
    CORRUPT,
    TOO_MANY_PIXELS,
    ENCRYPTED,
    DECODED_TOO_LARGE,
    TOO_MANY_IN_FORM,
    TOO_MANY_STAGED
  }

  private final Reason reason;

  public EvidenceRejectedException(Reason reason, Object... arguments) {
    super("evidence.rejected." + reason.name(), arguments);
    this.reason = reason;
  }

  public Reason getReason() {
    return reason;
  }
}
