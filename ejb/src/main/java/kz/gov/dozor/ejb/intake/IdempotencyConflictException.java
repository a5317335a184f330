package kz.gov.dozor.ejb.intake;

import kz.gov.dozor.ejb.platform.DozorException;

/** The idempotency key was used before for another request body: nothing is done. */
public class IdempotencyConflictException extends DozorException {
  public IdempotencyConflictException() {
    super("intake.idempotency.conflict");
  }
}
