package kz.gov.dozor.ejb.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.cases.ViolationCase;

/**
 * The checks every case use case starts with, in one place: an agency caller, a case of the
 * caller's organisation, and for changes a case that is not sealed and not changed meanwhile.
 * Refusals are audited.
 */
@Dependent
public class CaseGuard {

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;

  /** The caller, who must work for an agency (the ministry never sees the agency's cases). */
  public Caller agencyCaller() {
    Caller caller = users.requireOrganisationMember();
    if (!Organisations.isAgency(caller.organisation())) {
      audit.recordDenied("cases", null, "agency cases asked for by " + caller.organisation(), null);
      throw new AccessDeniedException("access.agencyOnly");
    }
    return caller;
  }

  /** A case the caller may read. */
  public ViolationCase readable(long id, Caller caller) {
    ViolationCase vc = em.find(ViolationCase.class, id);
    if (vc == null) {
      throw new CaseNotFoundException(id);
    }
    if (!caller.belongsTo(vc.getOrganisation())) {
      audit.recordDenied("case", id, "case of another organisation", null);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    return vc;
  }

  /**
   * A case the caller may change: theirs, not sealed, and still at the version the user saw, so
   * that nobody's change is overwritten silently.
   */
  public ViolationCase changeable(long id, long expectedVersion) {
    ViolationCase vc = readable(id, agencyCaller());
    if (vc.isSealed()) {
      throw new CaseSealedException(vc.getRegistrationNumber());
    }
    if (vc.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    return vc;
  }
}
