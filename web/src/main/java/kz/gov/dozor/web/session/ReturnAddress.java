package kz.gov.dozor.web.session;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal page a signed-out user asked for, kept in a short-lived cookie across the sign-in:
 * Keycloak returns every sign-in to the portal's root (the one redirect address the realm accepts),
 * and the first page after it leads on to the page asked for. Only addresses inside the portal are
 * kept or followed, never another site.
 */
final class ReturnAddress {

  static final String COOKIE = "dozor-return";

  /** How long the address waits for the sign-in to finish. */
  static final int MAX_AGE_SECONDS = 900;

  private ReturnAddress() {}

  /** The cookie value for a request's path and query, or null if it is not worth returning to. */
  static String encode(String contextPath, String path, String query) {
    String target = query == null || query.isEmpty() ? path : path + "?" + query;
    if (!isInside(contextPath, target) || target.equals(contextPath + "/")) {
      return null;
    }
    return URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  /** The address from a cookie value, or null if it leads outside the portal or is malformed. */
  static String decode(String contextPath, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      String target = URLDecoder.decode(value, StandardCharsets.UTF_8);
      return isInside(contextPath, target) ? target : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A path in this portal: not another host ("//x", "/\x"), no control characters, no "..". */
  static boolean isInside(String contextPath, String target) {
    if (!target.startsWith(contextPath + "/")
        || target.startsWith("//")
        || target.contains("\\")
        || target.contains("/../")
        || target.endsWith("/..")
        || target.length() > 2000) {
      return false;
    }
    return target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
