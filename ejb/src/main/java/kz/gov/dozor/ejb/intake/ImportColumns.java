package kz.gov.dozor.ejb.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns an import file may have, by their header names: {@code url} is required; {@code
 * platform}, {@code category}, {@code note} and {@code detected_at} are optional. Other columns are
 * ignored. Header names are matched without case, spaces or underscores.
 */
public final class ImportColumns {

  public static final String URL = "url";
  public static final String PLATFORM = "platform";
  public static final String CATEGORY = "category";
  public static final String NOTE = "note";
  public static final String DETECTED_AT = "detected_at";

  private static final Map<String, String> ALIASES =
      Map.of(
          "url", URL,
          "address", URL,
          "platform", PLATFORM,
          "category", CATEGORY,
          "note", NOTE,
          "detectedat", DETECTED_AT,
          "detectiontime", DETECTED_AT,
          "detected", DETECTED_AT);

  private ImportColumns() {}

  /** The column each header cell names, or null for a column we do not read. */
  public static List<String> of(List<String> header) {
    List<String> out = new ArrayList<>();
    for (String h : header) {
      String key =
          h == null
              ? ""
              : h.strip()
                  .replace("\uFEFF", "")
                  .replace("_", "")
                  .replace(" ", "")
                  .toLowerCase(Locale.ROOT);
      out.add(ALIASES.get(key));
    }
    return out;
  }
}
