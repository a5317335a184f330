package kz.gov.dozor.ejb.intake;

/**
 * The answer to an API request as it is sent, and kept under its idempotency key.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param replayed whether this is the kept answer to an earlier request with the same key
 */
public record ApiAnswer(int status, String body, boolean replayed) {}
