package kz.gov.dozor.ejb.audit;

import java.io.Serializable;
import java.time.LocalDate;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * What an administrator looks for in the audit log; every part may be null (any).
 *
 * @param user found in the actor's login or full name
 * @param action one kind of entry
 * @param subject a case's registration number or a notification's outgoing number (exact, any
 *     case): the entries about it, its evidence and, for a case, its notifications
 * @param from first Almaty day, included
 * @param to last Almaty day, included
 */
public record AuditFilter(
    String user, AuditAction action, String subject, LocalDate from, LocalDate to)
    implements Serializable {

  public static AuditFilter any() {
    return new AuditFilter(null, null, null, null, null);
  }
}
