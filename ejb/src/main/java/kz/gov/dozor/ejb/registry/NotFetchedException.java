package kz.gov.dozor.ejb.registry;

import jakarta.ejb.ApplicationException;

/** A provider confirmed applying a version it never fetched. */
@ApplicationException
public class NotFetchedException extends RuntimeException {

  public NotFetchedException(long version) {
    super("version " + version + " was never fetched by this provider");
  }
}
