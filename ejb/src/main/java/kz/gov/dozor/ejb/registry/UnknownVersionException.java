package kz.gov.dozor.ejb.registry;

import jakarta.ejb.ApplicationException;

/** A version the registry has not reached (or a negative one). */
@ApplicationException
public class UnknownVersionException extends RuntimeException {

  private final long asked;
  private final long current;

  public UnknownVersionException(long asked, long current) {
    super("registry version " + asked + " does not exist; the current one is " + current);
    this.asked = asked;
    this.current = current;
  }

  public long asked() {
    return asked;
  }

  public long current() {
    return current;
  }
}
