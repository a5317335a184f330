package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.persistence.cases.Platform;

/**
 * What an investigator records about a new violation.
 *
 * @param submissionKey one per form: sending the same form twice registers one case
 */
public record NewCase(
    UUID submissionKey,
    List<Resource> resources,
    String categoryCode,
    String description,
    Instant detectedAt,
    List<StagedEvidence> evidence,
    String clientAddress)
    implements Serializable {

  /** One resource of the case: the URL as entered and where it is published. */
  public record Resource(String url, Platform platform) implements Serializable {}
}
