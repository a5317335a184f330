package kz.gov.dozor.ejb.users;

import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * Something that happened to an account (a sign-in, a change by an administrator, a refused
 * attempt), for the audit log to record. The users feature fires it rather than calling the audit
 * log, so that the audit log may ask the directory who its callers are without an import circle.
 *
 * @param action what happened
 * @param username whose account it concerns
 * @param detail what changed, readable (e.g. old → new roles); may be null
 * @param client the request's address, when known
 * @param refused whether it was a refused attempt (recorded even though the caller's work rolls
 *     back)
 */
public record AccountEvent(
    AuditAction action, String username, String detail, String client, boolean refused) {

  public static AccountEvent done(
      AuditAction action, String username, String detail, String client) {
    return new AccountEvent(action, username, detail, client, false);
  }

  public static AccountEvent refused(String username, String detail) {
    return new AccountEvent(AuditAction.ACCESS_DENIED, username, detail, null, true);
  }
}
