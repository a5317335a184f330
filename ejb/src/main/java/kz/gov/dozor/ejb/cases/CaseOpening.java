package kz.gov.dozor.ejb.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.reference.Category;

/**
 * How a case comes to exist, in one place for every way of opening one (the new-case form, the
 * triage queue): its organisation's next registration number, its resources, its first history
 * entry, and its evidence rows. Callers validate their input first and run in their transaction.
 */
@Dependent
public class CaseOpening {

  @PersistenceContext private EntityManager em;

  /** One resource of a new case, its URL already validated and normalised. */
  public record Resource(NormalizedUrl url, Platform platform) {}

  /** A file already checked and in the evidence store, with where it came from. */
  public record EvidenceFile(
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      Integer width,
      Integer height,
      String capturedBy,
      Instant capturedAt,
      String captureMethod,
      String clientAddress) {}

  /**
   * Registers a case with the caller's organisation's next number and persists it with its
   * resources and its "registered" history entry.
   */
  public ViolationCase open(
      Caller caller,
      Category category,
      String description,
      Instant detectedAt,
      List<Resource> resources,
      UUID submissionKey,
      Instant now) {
    RegistrationNumber number = nextNumber(caller.organisation(), now);
    ViolationCase vc =
        new ViolationCase(
            number.toString(),
            caller.organisation(),
            category,
            description,
            detectedAt,
            now,
            caller.username(),
            submissionKey);
    for (Resource r : resources) {
      NormalizedUrl u = r.url();
      vc.addResource(
          u.original(),
          u.normalized(),
          u.host(),
          r.platform() == null ? Platform.guessFromHost(u.host()) : r.platform());
    }
    em.persist(vc);
    em.persist(
        new CaseEvent(
            vc, now, caller.username(), CaseEvent.Type.REGISTERED, null, vc.getStatus(), null));
    return vc;
  }

  /** Adds an evidence row for a file of the store to the case (persisted with it). */
  public Evidence addEvidence(ViolationCase vc, EvidenceFile f) {
    Evidence e =
        new Evidence(
            vc,
            f.fileName(),
            f.mediaType(),
            f.sizeBytes(),
            f.sha256(),
            f.width(),
            f.height(),
            f.capturedBy(),
            f.capturedAt(),
            f.captureMethod(),
            f.clientAddress());
    if (vc.getId() != null) {
      em.persist(e);
    }
    return e;
  }

  private RegistrationNumber nextNumber(String organisation, Instant now) {
    int year = now.atZone(Almaty.ZONE).getYear();
    // The row lock this upsert takes is held until commit, so numbers never repeat; a rollback
    // undoes the increment, so they never skip.
    Number next =
        (Number)
            em.createNativeQuery(
                    "insert into registration_counter (organisation, year, last_value)"
                        + " values (?1, ?2, 1) on conflict (organisation, year)"
                        + " do update set last_value = registration_counter.last_value + 1"
                        + " returning last_value")
                .setParameter(1, organisation)
                .setParameter(2, year)
                .getSingleResult();
    return new RegistrationNumber(organisation, year, next.longValue());
  }
}
