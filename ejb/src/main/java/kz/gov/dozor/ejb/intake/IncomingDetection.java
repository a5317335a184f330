package kz.gov.dozor.ejb.intake;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One report as a monitoring system or a file's row gives it, not yet checked: {@link
 * DetectionIntake} validates every field and answers per item.
 *
 * @param url the URL as reported
 * @param platform a platform's name ({@code Platform}), or null to guess it from the host
 * @param category a category's code, or null when the source has no guess
 * @param detectedAt when the source saw it; null means when it was received
 * @param sourceSystem the monitoring system's name for itself
 * @param sourceRef the source's own id of this report: (source, ref) is known once
 * @param score the source's confidence, 0..1, or null
 * @param note free text of the source, or null
 * @param screenshot a screenshot already kept in the evidence store, or null
 * @param importRow the row of the file import it came from, or null
 */
public record IncomingDetection(
    String url,
    String platform,
    String category,
    Instant detectedAt,
    String sourceSystem,
    String sourceRef,
    BigDecimal score,
    String note,
    Screenshot screenshot,
    Long importRow) {

  /** A file checked as uploads are and kept in the evidence store under its SHA-256. */
  public record Screenshot(
      String sha256,
      String mediaType,
      long sizeBytes,
      String fileName,
      Integer width,
      Integer height) {}
}
