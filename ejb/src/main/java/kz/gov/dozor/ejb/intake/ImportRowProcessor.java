package kz.gov.dozor.ejb.intake;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kz.gov.dozor.ejb.cases.UrlNormalizer;
import kz.gov.dozor.ejb.platform.Almaty;

/**
 * The row's own checks (a URL, a readable detection time, lengths); what the row says about
 * platform and category is checked by {@link DetectionIntake}, as for the API.
 */
@Named("importRowProcessor")
@Dependent
public class ImportRowProcessor implements ItemProcessor {

  public static final String SOURCE = "import";
  static final int MAX_NOTE = 4000;

  private static final DateTimeFormatter DOTTED =
      DateTimeFormatter.ofPattern("dd.MM.yyyy[ HH:mm[:ss]]");

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  @Override
  public Object processItem(Object item) {
    ImportRow r = (ImportRow) item;
    String url = r.get(ImportColumns.URL);
    if (url == null) {
      return ParsedRow.rejected(r.number(), null, "url-required", "The row has no URL.");
    }
    if (url.length() > UrlNormalizer.MAX_LENGTH) {
      return ParsedRow.rejected(
          r.number(),
          url.substring(0, 200),
          "url-too-long",
          "The URL is longer than 2048 characters.");
    }
    String note = r.get(ImportColumns.NOTE);
    if (note != null && note.length() > MAX_NOTE) {
      return ParsedRow.rejected(
          r.number(), url, "note-too-long", "The note is longer than 4000 characters.");
    }
    Instant detectedAt = null;
    String when = r.get(ImportColumns.DETECTED_AT);
    if (when != null) {
      detectedAt = time(when);
      if (detectedAt == null) {
        return ParsedRow.rejected(
            r.number(),
            url,
            "invalid-detected-at",
            "The detection time is not a date: " + cut(when));
      }
    }
    return new ParsedRow(
        r.number(),
        new IncomingDetection(
            url,
            r.get(ImportColumns.PLATFORM),
            r.get(ImportColumns.CATEGORY),
            detectedAt,
            SOURCE,
            // (import, row) is known once: a row read again after a resume merges.
            "import-" + importId + "-row-" + r.number(),
            null,
            note,
            null,
            r.number()),
        url,
        null,
        null);
  }

  /** ISO with or without an offset (without: Almaty time), or dd.MM.yyyy [HH:mm[:ss]]. */
  static Instant time(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(s).atZone(Almaty.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay(Almaty.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      var parsed = DOTTED.parseBest(s, LocalDateTime::from, LocalDate::from);
      return parsed instanceof LocalDateTime t
          ? t.atZone(Almaty.ZONE).toInstant()
          : ((LocalDate) parsed).atStartOfDay(Almaty.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String cut(String s) {
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
