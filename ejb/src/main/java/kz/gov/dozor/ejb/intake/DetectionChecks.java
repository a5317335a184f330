package kz.gov.dozor.ejb.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.cases.InvalidUrlException;
import kz.gov.dozor.ejb.cases.NormalizedUrl;
import kz.gov.dozor.ejb.cases.UrlNormalizer;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.persistence.cases.Platform;

/**
 * The checks of one incoming report, each failure a short code a program can act on and a reason a
 * person can read. Pure: the categories are given, so that a batch reads them once.
 */
final class DetectionChecks {

  static final int MAX_SOURCE = 100;
  static final int MAX_SOURCE_REF = 200;
  static final int MAX_NOTE = 4000;
  static final int MAX_FILE_NAME = 255;

  /** Clocks of monitoring systems drift: a report this far ahead of ours is still accepted. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Map<String, String> URL_REASONS =
      Map.of(
          "url.empty", "the URL is empty",
          "url.tooLong", "the URL is longer than " + UrlNormalizer.MAX_LENGTH + " characters",
          "url.whitespace", "the URL contains spaces or control characters",
          "url.bidiControls", "the URL contains characters that reorder text",
          "url.scheme", "only http and https addresses are accepted",
          "url.malformed", "this is not a URL",
          "url.host", "the host name is not valid",
          "url.port", "the port is not valid");

  private DetectionChecks() {}

  /** A report that passed every check, in the form it is stored in. */
  record Checked(
      int index,
      String urlOriginal,
      String urlNormalized,
      String host,
      Platform platform,
      String category,
      Instant detectedAt,
      String source,
      String sourceRef,
      BigDecimal score,
      String note,
      IncomingDetection.Screenshot screenshot,
      Long importRow) {

    String sourceKey() {
      return source + '\u0000' + sourceRef;
    }
  }

  /** Either the checked report or why it was refused. */
  record Result(Checked checked, DetectionOutcome rejection) {}

  /**
   * Checks one report.
   *
   * @param categories every category's code and whether it is active
   * @param now when the batch was received
   */
  static Result check(
      int index, IncomingDetection d, Map<String, Boolean> categories, Instant now) {
    if (d == null) {
      return refused("missing-detection", "the item is empty");
    }
    NormalizedUrl url;
    try {
      url = UrlNormalizer.normalize(d.url());
    } catch (InvalidUrlException e) {
      return refused(
          "invalid-url", URL_REASONS.getOrDefault(e.getMessageKey(), "this is not a valid URL"));
    }
    Platform platform;
    if (Checks.isBlank(d.platform())) {
      platform = Platform.guessFromHost(url.host());
    } else {
      try {
        platform = Platform.valueOf(d.platform().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return refused(
            "unknown-platform",
            "unknown platform \"" + shorten(d.platform()) + "\"; known: " + platforms());
      }
    }
    String category = Checks.blankToNull(d.category());
    if (category != null) {
      Boolean active = categories.get(category);
      if (active == null) {
        return refused("unknown-category", "unknown category \"" + shorten(category) + "\"");
      }
      if (!active) {
        return refused("retired-category", "the category " + category + " is retired");
      }
    }
    Instant detectedAt = d.detectedAt() == null ? now : d.detectedAt();
    if (detectedAt.isAfter(now.plus(CLOCK_SKEW))) {
      return refused("future-detection", "detectedAt " + detectedAt + " is in the future");
    }
    String source = Checks.blankToNull(d.sourceSystem());
    if (source == null) {
      return refused("missing-source", "the source system is missing");
    }
    if (source.length() > MAX_SOURCE || Checks.hasBidiControls(source)) {
      return refused(
          "invalid-source",
          "the source system must be at most "
              + MAX_SOURCE
              + " characters, without characters that reorder text");
    }
    String ref = Checks.blankToNull(d.sourceRef());
    if (ref == null) {
      return refused("missing-source-ref", "the source's reference of the report is missing");
    }
    if (ref.length() > MAX_SOURCE_REF || Checks.hasBidiControls(ref)) {
      return refused(
          "invalid-source-ref",
          "the source's reference must be at most "
              + MAX_SOURCE_REF
              + " characters, without characters that reorder text");
    }
    BigDecimal score = d.score();
    if (score != null) {
      if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
        return refused("invalid-score", "the score must be between 0 and 1");
      }
      score = score.setScale(4, RoundingMode.HALF_UP);
    }
    String note = Checks.blankToNull(d.note());
    if (note != null && note.length() > MAX_NOTE) {
      return refused("note-too-long", "the note is longer than " + MAX_NOTE + " characters");
    }
    if (Checks.hasBidiControls(note)) {
      return refused("invalid-note", "the note contains characters that reorder text");
    }
    IncomingDetection.Screenshot shot = d.screenshot();
    if (shot != null
        && (shot.sha256() == null
            || !shot.sha256().matches("[0-9a-f]{64}")
            || shot.mediaType() == null
            || shot.fileName() == null
            || shot.fileName().length() > MAX_FILE_NAME)) {
      return refused("invalid-screenshot", "the screenshot is not a kept evidence file");
    }
    return new Result(
        new Checked(
            index,
            url.original(),
            url.normalized(),
            url.host(),
            platform,
            category,
            detectedAt,
            source,
            ref,
            score,
            note,
            shot,
            d.importRow()),
        null);
  }

  private static Result refused(String problem, String detail) {
    return new Result(null, DetectionOutcome.rejected(problem, detail));
  }

  private static String platforms() {
    StringBuilder out = new StringBuilder();
    for (Platform p : Platform.values()) {
      out.append(out.length() == 0 ? "" : ", ").append(p.name());
    }
    return out.toString();
  }

  /** Echoed input stays short, whatever was sent. */
  private static String shorten(String s) {
    String t = Checks.withoutBidiControls(s);
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }
}
