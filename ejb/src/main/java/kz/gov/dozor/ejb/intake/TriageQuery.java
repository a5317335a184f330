package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.intake.TriageStatus;

/**
 * The filters of the triage queue; null means "any". Dates are days in Almaty, inclusive.
 *
 * @param source a monitoring system that reported the item (any of its detections)
 * @param host the item's host, exactly (as stored: lower case, punycode)
 * @param urlText text anywhere in the normalised URL
 */
public record TriageQuery(
    TriageStatus status,
    String source,
    String category,
    Platform platform,
    String host,
    BigDecimal scoreMin,
    BigDecimal scoreMax,
    LocalDate firstSeenFrom,
    LocalDate firstSeenTo,
    LocalDate lastSeenFrom,
    LocalDate lastSeenTo,
    String urlText)
    implements Serializable {

  /** Pending items, nothing else filtered: the queue as it opens. */
  public static TriageQuery pending() {
    return new TriageQuery(
        TriageStatus.PENDING, null, null, null, null, null, null, null, null, null, null, null);
  }

  public TriageQuery withHost(String h) {
    return new TriageQuery(
        status,
        source,
        category,
        platform,
        h,
        scoreMin,
        scoreMax,
        firstSeenFrom,
        firstSeenTo,
        lastSeenFrom,
        lastSeenTo,
        urlText);
  }

  public TriageQuery withUrlText(String text) {
    return new TriageQuery(
        status,
        source,
        category,
        platform,
        host,
        scoreMin,
        scoreMax,
        firstSeenFrom,
        firstSeenTo,
        lastSeenFrom,
        lastSeenTo,
        text);
  }

  public TriageQuery withStatus(TriageStatus s) {
    return new TriageQuery(
        s,
        source,
        category,
        platform,
        host,
        scoreMin,
        scoreMax,
        firstSeenFrom,
        firstSeenTo,
        lastSeenFrom,
        lastSeenTo,
        urlText);
  }
}
