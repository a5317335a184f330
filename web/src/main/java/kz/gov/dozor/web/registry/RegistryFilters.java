package kz.gov.dozor.web.registry;

import java.time.LocalDate;
import kz.gov.dozor.ejb.registry.RegistryFilter;

/** The registry page's filters as the address names them, read the same way by page and export. */
final class RegistryFilters {

  private RegistryFilters() {}

  static RegistryFilter of(
      String state,
      String urlText,
      String decision,
      String body,
      LocalDate from,
      LocalDate to,
      String urgent) {
    Boolean active =
        switch (state == null ? "active" : state) {
          case "lifted" -> Boolean.FALSE;
          case "all" -> null;
          default -> Boolean.TRUE;
        };
    Boolean urgentOnly =
        switch (urgent == null ? "" : urgent) {
          case "yes" -> Boolean.TRUE;
          case "no" -> Boolean.FALSE;
          default -> null;
        };
    return new RegistryFilter(
        active, clip(urlText), clip(decision), clip(body), from, to, urgentOnly);
  }

  private static String clip(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 200) : t;
  }
}
