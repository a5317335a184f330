package kz.gov.dozor.ejb.evidence.capture;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.NativeValues;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * The administrators' allow-list of internal targets captures may reach (host names, addresses,
 * CIDR ranges): kept by the agency's administrators, every change audited, entries removed, never
 * deleted.
 */
@Stateless
public class CaptureTargets {

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;
  @Inject private Clock clock;

  /** An allowed target. */
  public record Target(long id, String target, String note, String addedByName, Instant addedAt)
      implements Serializable {}

  /** The targets allowed now, as the capture policy takes them. */
  @PermitAll
  public List<String> allowed() {
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery(
                "select target from capture_allowed_target where removed_at is null order by id")
            .getResultList();
    return rows;
  }

  /** The targets allowed now, for the administrators' page. */
  @RolesAllowed(Roles.ADMIN)
  public List<Target> list() {
    agencyAdmin();
    List<Target> result = new ArrayList<>();
    for (Object r :
        em.createNativeQuery(
                "select id, target, note, added_by, added_at from capture_allowed_target"
                    + " where removed_at is null order by id")
            .getResultList()) {
      Object[] f = (Object[]) r;
      result.add(
          new Target(
              ((Number) f[0]).longValue(),
              (String) f[1],
              (String) f[2],
              users.displayName((String) f[3]),
              NativeValues.instant(f[4])));
    }
    return result;
  }

  /** Allows captures to reach {@code target} (a host, an address or a CIDR range), saying why. */
  @RolesAllowed(Roles.ADMIN)
  public void allow(String target, String note) {
    Caller caller = agencyAdmin();
    List<Problem> problems = new ArrayList<>();
    String t = target == null ? "" : target.strip();
    if (!TargetPolicy.validEntry(t)) {
      problems.add(new Problem("target", "captureTarget.invalid"));
    }
    if (note == null || note.isBlank()) {
      problems.add(new Problem("note", "field.required"));
    } else if (note.length() > 1000) {
      problems.add(new Problem("note", "text.tooLong", 1000));
    }
    if (problems.isEmpty() && allowed().stream().anyMatch(a -> a.equalsIgnoreCase(t))) {
      problems.add(new Problem("target", "captureTarget.duplicate"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    em.createNativeQuery(
            "insert into capture_allowed_target (target, note, added_by, added_at)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, t)
        .setParameter(2, note.strip())
        .setParameter(3, caller.username())
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    audit.record(AuditAction.CAPTURE_TARGET_ALLOWED, "capture-target", t, note.strip(), null);
  }

  /** Removes an allowed target. */
  @RolesAllowed(Roles.ADMIN)
  public void remove(long id) {
    Caller caller = agencyAdmin();
    int n =
        em.createNativeQuery(
                "update capture_allowed_target set removed_by = ?1, removed_at = ?2"
                    + " where id = ?3 and removed_at is null")
            .setParameter(1, caller.username())
            .setParameter(2, Timestamp.from(clock.instant()))
            .setParameter(3, id)
            .executeUpdate();
    if (n > 0) {
      audit.record(AuditAction.CAPTURE_TARGET_REMOVED, "capture-target", id, null, null);
    }
  }

  private Caller agencyAdmin() {
    Caller caller = users.requireOrganisationMember();
    if (!Organisations.isAgency(caller.organisation())) {
      audit.recordDenied("capture-target", null, "capture targets of the agency", null);
      throw new AccessDeniedException("access.agencyOnly");
    }
    return caller;
  }
}
