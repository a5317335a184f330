package kz.gov.dozor.ejb.platform;

import java.util.Locale;

/**
 * Patterns for a case-insensitive "contains" search with SQL {@code LIKE}; queries that use them
 * declare {@code escape '!'}, so that a typed %, _ or ! matches itself.
 */
public final class Like {

  private Like() {}

  /** {@code %text%}, in lower case, with the wildcards of the text escaped. */
  public static String contains(String text) {
    return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
  }

  public static String escape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
