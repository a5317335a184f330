package kz.gov.dozor.ejb.notices;

import java.io.Serializable;
import java.util.Locale;

/**
 * Which resources of a notification a page shows or a bulk decision covers: text anywhere in the
 * URL, a host (its subdomains included) and the decision state; null or blank means any.
 */
public record NoticeItemFilter(String urlText, String host, State state) implements Serializable {

  /** Where a resource stands: awaiting a decision, or decided one way. */
  public enum State {
    PENDING,
    BLOCK,
    REFUSE,
    RETURN
  }

  public static final NoticeItemFilter ALL = new NoticeItemFilter(null, null, null);

  /** The URL text as a LIKE pattern (escape character {@code !}), or null when not filtered. */
  String urlPattern() {
    return urlText == null || urlText.isBlank() ? null : "%" + escape(urlText) + "%";
  }

  /** The host in lower case without a leading dot or "www.", or null when not filtered. */
  String hostName() {
    if (host == null || host.isBlank()) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    while (h.startsWith(".")) {
      h = h.substring(1);
    }
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** The pattern of the host's subdomains, for a LIKE with escape character {@code !}. */
  String subdomainPattern() {
    String h = hostName();
    return h == null ? null : "%." + escape(h);
  }

  private static String escape(String text) {
    return text.strip()
        .toLowerCase(Locale.ROOT)
        .replace("!", "!!")
        .replace("%", "!%")
        .replace("_", "!_");
  }
}
