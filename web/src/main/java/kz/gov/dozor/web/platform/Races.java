package kz.gov.dozor.web.platform;

import jakarta.persistence.OptimisticLockException;

/** Telling a lost race (two people wrote at the same instant) from any other failure. */
public final class Races {

  private Races() {}

  /** Whether the database kept someone else's change instead of this one. */
  public static boolean lost(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
