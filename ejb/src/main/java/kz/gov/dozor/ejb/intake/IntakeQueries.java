package kz.gov.dozor.ejb.intake;

import static kz.gov.dozor.ejb.platform.NativeValues.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.intake.TriageItem;

/**
 * Reads of what monitoring reported, for the pages: how often, when and from how many sources a
 * triage item, a case's resources or a registry entry were seen. Triage items keep counters;
 * resources and registry entries are counted from their reports (an index per attachment).
 */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
public class IntakeQueries {

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

  /** The counters of a triage item of the caller's organisation. */
  public Sightings sightingsOfTriageItem(long id) {
    TriageItem item = em.find(TriageItem.class, id);
    if (item == null) {
      throw new NotFoundException("intake.triage.notFound", id);
    }
    Caller caller = users.requireOrganisationMember();
    if (!caller.belongsTo(item.getOrganisation())) {
      throw new AccessDeniedException("access.denied");
    }
    return new Sightings(
        item.getSeenCount(), item.getSourceCount(), item.getFirstSeenAt(), item.getLastSeenAt());
  }

  /**
   * The reports attached to each of these resources of one case of the caller's organisation;
   * resources never reported are left out.
   */
  public Map<Long, Sightings> sightingsOfCaseResources(long caseId, List<Long> resourceIds) {
    Caller caller = users.requireOrganisationMember();
    List<?> owner =
        em.createNativeQuery("select organisation from violation_case where id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    if (owner.isEmpty()) {
      throw new NotFoundException("case.notFound", caseId);
    }
    if (!caller.belongsTo((String) owner.get(0))) {
      throw new AccessDeniedException("access.denied");
    }
    if (resourceIds.isEmpty()) {
      return Map.of();
    }
    List<?> rows =
        em.createNativeQuery(
                "select d.case_resource_id, count(*), count(distinct d.source_system),"
                    + " min(d.detected_at), max(d.detected_at) from detection d"
                    + " join case_resource cr on cr.id = d.case_resource_id"
                    + " where cr.case_id = ?1 and d.case_resource_id in (?2)"
                    + " group by d.case_resource_id")
            .setParameter(1, caseId)
            .setParameter(2, resourceIds)
            .getResultList();
    return counted(rows);
  }

  /** The reports attached to a registry entry (the registry is open to everyone signed in). */
  public Sightings sightingsOfRegistryEntry(long entryId) {
    List<?> rows =
        em.createNativeQuery(
                "select d.registry_entry_id, count(*), count(distinct d.source_system),"
                    + " min(d.detected_at), max(d.detected_at) from detection d"
                    + " where d.registry_entry_id = ?1 group by d.registry_entry_id")
            .setParameter(1, entryId)
            .getResultList();
    return counted(rows).getOrDefault(entryId, Sightings.NONE);
  }

  private static Map<Long, Sightings> counted(List<?> rows) {
    Map<Long, Sightings> out = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      out.put(
          ((Number) r[0]).longValue(),
          new Sightings(
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              instant(r[3]),
              instant(r[4])));
    }
    return out;
  }
}
