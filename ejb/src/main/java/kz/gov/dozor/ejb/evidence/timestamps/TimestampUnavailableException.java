package kz.gov.dozor.ejb.evidence.timestamps;

/**
 * No token this time: the authority is unreachable ({@code unreachable}, so asking again now is
 * pointless), refused the request, or answered with something that does not check out.
 */
public class TimestampUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  public TimestampUnavailableException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public boolean unreachable() {
    return unreachable;
  }
}
