package kz.gov.dozor.ejb.cases;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.platform.Checks;

/**
 * Validates a URL and gives its normalised form, so that the same resource entered two ways
 * compares equal: scheme and host lower-cased, IDN host to punycode, default port, fragment and
 * tracking parameters dropped, percent-encoding made canonical.
 */
public final class UrlNormalizer {

  public static final int MAX_LENGTH = 2048;

  private static final Pattern URL =
      Pattern.compile(
          "^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<authority>[^/?#]*)(?<path>[^?#]*)"
              + "(?:\\?(?<query>[^#]*))?(?:#.*)?$",
          Pattern.DOTALL);
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");

  /** Query parameters that only track the visitor, never select the content. */
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "yclid",
          "ysclid",
          "msclkid",
          "twclid",
          "ttclid",
          "igshid",
          "igsh",
          "mc_cid",
          "mc_eid",
          "_openstat",
          "_hsenc",
          "_hsmi",
          "mkt_tok");

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final String PATH_CHARS = UNRESERVED + "!$&'()*+,;=:@/";
  private static final String QUERY_CHARS = UNRESERVED + "!$'()*+,;:@/?";

  private UrlNormalizer() {}

  public static NormalizedUrl normalize(String input) {
    String original = input == null ? "" : input.strip();
    if (original.isEmpty()) {
      throw new InvalidUrlException("url.empty");
    }
    if (original.length() > MAX_LENGTH) {
      throw new InvalidUrlException("url.tooLong", MAX_LENGTH);
    }
    if (original.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new InvalidUrlException("url.whitespace");
    }
    if (Checks.hasBidiControls(original)) {
      throw new InvalidUrlException("url.bidiControls");
    }
    String withScheme = original;
    if (!original.contains("://")) {
      if (HAS_SCHEME.matcher(original).matches() && !original.matches("^[^:/]+:\\d+.*")) {
        throw new InvalidUrlException("url.scheme");
      }
      // People paste "t.me/channel" without a scheme; such links open over https.
      withScheme = "https://" + original;
    }
    Matcher m = URL.matcher(withScheme);
    if (!m.matches()) {
      throw new InvalidUrlException("url.malformed");
    }
    String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidUrlException("url.scheme");
    }
    String authority = m.group("authority");
    String userInfo = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
    }
    String hostPart = authority;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new InvalidUrlException("url.host");
      }
      hostPart = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new InvalidUrlException("url.host");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon >= 0) {
        hostPart = authority.substring(0, colon);
        port = authority.substring(colon + 1);
      }
    }
    String host = normalizeHost(hostPart);
    String portPart = normalizePort(scheme, port);

    StringBuilder out = new StringBuilder(scheme).append("://");
    if (userInfo != null && !userInfo.isEmpty()) {
      out.append(encode(userInfo, UNRESERVED + "!$&'()*+,;=:")).append('@');
    }
    out.append(host).append(portPart);
    String path = m.group("path");
    out.append(path.isEmpty() ? "/" : encode(path, PATH_CHARS));
    String query = normalizeQuery(m.group("query"), host);
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    String normalized = out.toString();
    if (normalized.length() > MAX_LENGTH) {
      throw new InvalidUrlException("url.tooLong", MAX_LENGTH);
    }
    return new NormalizedUrl(original, normalized, host);
  }

  private static String normalizeHost(String raw) {
    if (raw.isEmpty()) {
      throw new InvalidUrlException("url.host");
    }
    if (raw.startsWith("[")) {
      String inner = raw.substring(1, raw.length() - 1).toLowerCase(Locale.ROOT);
      if (!inner.matches("^[0-9a-f:.]+$") || !inner.contains(":")) {
        throw new InvalidUrlException("url.host");
      }
      return "[" + inner + "]";
    }
    String host = raw.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (IPV4.matcher(host).matches()) {
      for (String octet : host.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw new InvalidUrlException("url.host");
        }
      }
      return host;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidUrlException("url.host");
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2 || ascii.length() > 253) {
      throw new InvalidUrlException("url.host");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidUrlException("url.host");
      }
    }
    if (labels[labels.length - 1].matches("\\d+")) {
      throw new InvalidUrlException("url.host");
    }
    return ascii;
  }

  private static String normalizePort(String scheme, String port) {
    if (port == null || port.isEmpty()) {
      return "";
    }
    if (!port.matches("\\d{1,5}")) {
      throw new InvalidUrlException("url.port");
    }
    int p = Integer.parseInt(port);
    if (p < 1 || p > 65535) {
      throw new InvalidUrlException("url.port");
    }
    if ((scheme.equals("http") && p == 80) || (scheme.equals("https") && p == 443)) {
      return "";
    }
    return ":" + p;
  }

  private static String normalizeQuery(String query, String host) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    boolean youtube =
        host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com");
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name) || (youtube && name.equals("si"))) {
        continue;
      }
      String value = eq < 0 ? null : pair.substring(eq + 1);
      String encodedName = encode(eq < 0 ? pair : pair.substring(0, eq), QUERY_CHARS);
      kept.add(value == null ? encodedName : encodedName + "=" + encode(value, QUERY_CHARS + "="));
    }
    return String.join("&", kept);
  }

  /**
   * Canonical percent-encoding: escapes of unreserved characters decoded, other escapes in upper
   * case, characters outside {@code allowed} (non-ASCII included) encoded as UTF-8.
   */
  static String encode(String s, String allowed) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
        int value = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (value < 128 && UNRESERVED.indexOf((char) value) >= 0) {
          out.append((char) value);
        } else {
          out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 3;
        continue;
      }
      int cp = s.codePointAt(i);
      if (cp < 128 && allowed.indexOf(cp) >= 0) {
        out.append((char) cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
