package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;

/** Everything the case page shows. */
public record CaseDetails(
    long id,
    long version,
    String registrationNumber,
    String organisation,
    CaseStatus status,
    CategoryView category,
    String description,
    Instant detectedAt,
    Instant registeredAt,
    String registeredBy,
    String registeredByName,
    List<ResourceView> resources,
    List<EvidenceView> evidence,
    List<EventView> history)
    implements Serializable {

  /** A resource of the case. */
  public record ResourceView(
      long id, int position, String urlOriginal, String urlNormalized, Platform platform)
      implements Serializable {}

  /** An evidence file of the case; {@code previewable} is false for restricted categories. */
  public record EvidenceView(
      long id,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      Integer width,
      Integer height,
      String capturedBy,
      Instant capturedAt,
      boolean previewable)
      implements Serializable {

    public boolean isImage() {
      return mediaType.startsWith("image/");
    }
  }

  /** One entry of the case's history. */
  public record EventView(
      Instant occurredAt,
      String actor,
      String actorName,
      CaseEvent.Type type,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String detail)
      implements Serializable {}
}
