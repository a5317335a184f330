package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.reference.ReferenceChange;
import kz.gov.dozor.persistence.reference.ReferenceChange.Field;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/**
 * What every change of reference data does besides the change itself: it checks who may make it,
 * keeps the change in the history (who, when, each field's old and new value) and writes it to the
 * audit log, in the same transaction.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ReferenceChanges {

  /** Longest value an audit entry quotes; the history keeps values whole. */
  static final int AUDIT_VALUE = 120;

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;
  @Inject private UserDirectory users;
  @Inject private Clock clock;

  /**
   * The caller, an administrator of an agency: the agency owns categories, legal bases and
   * recipient bodies. Anyone else is refused, and the refusal is in the audit log.
   */
  public Caller agencyAdministrator(Subject subject, Object key) {
    Caller caller = users.requireOrganisationMember();
    if (!Organisations.isAgency(caller.organisation())) {
      audit.recordDenied(subject.auditName(), key, "change of the agency's reference data", null);
      throw new AccessDeniedException("reference.agencyOnly");
    }
    return caller;
  }

  /** Keeps a change in the history and the audit log; a change of no field is not kept. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(Subject subject, String key, Kind kind, List<Field> fields) {
    if (kind == Kind.CHANGED && fields.isEmpty()) {
      return;
    }
    Caller caller = users.currentCaller();
    em.persist(
        new ReferenceChange(
            subject, key, kind, caller.username(), caller.organisation(), clock.instant(), fields));
    audit.record(
        AuditAction.REFERENCE_DATA_CHANGED, subject.auditName(), key, detail(kind, fields), null);
  }

  /** The audit entry's text: {@code changed: days "2" -> "7"; workingDays "false" -> "true"}. */
  static String detail(Kind kind, List<Field> fields) {
    String what = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (fields.isEmpty()) {
      return what;
    }
    return what
        + ": "
        + fields.stream()
            .map(
                f ->
                    f.getOldValue() == null
                        ? f.getName() + " " + quote(f.getNewValue())
                        : f.getName()
                            + " "
                            + quote(f.getOldValue())
                            + " -> "
                            + quote(f.getNewValue()))
            .collect(Collectors.joining("; "));
  }

  private static String quote(String value) {
    if (value == null) {
      return "(none)";
    }
    String v = value.length() > AUDIT_VALUE ? value.substring(0, AUDIT_VALUE) + "…" : value;
    return "\"" + v.replace("\"", "\\\"").replace('\n', ' ') + "\"";
  }
}
