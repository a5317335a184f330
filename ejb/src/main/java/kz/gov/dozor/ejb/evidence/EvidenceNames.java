package kz.gov.dozor.ejb.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.platform.Checks;

/**
 * The name an evidence file is kept and served under: the user's name for it, without a path,
 * control characters or characters that reorder what is shown, and ending in the extension of the
 * type detected from its content (a PNG sent as {@code shot.exe} is {@code shot.png}).
 */
public final class EvidenceNames {

  static final int MAX_LENGTH = 200;

  /** The extensions each accepted type may keep; the first is the one given when none fits. */
  private static final Map<String, List<String>> EXTENSIONS =
      Map.of(
          "image/png", List.of("png"),
          "image/jpeg", List.of("jpg", "jpeg"),
          "image/webp", List.of("webp"),
          "application/pdf", List.of("pdf"));

  private EvidenceNames() {}

  /** The name to keep and serve for a file of {@code mediaType} that the user called so. */
  public static String of(String userName, String mediaType) {
    String name = clean(userName);
    List<String> allowed = EXTENSIONS.get(mediaType);
    if (allowed == null) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (allowed.contains(ext) && !base.isBlank()) {
      return name;
    }
    String wanted = "." + allowed.get(0);
    base = base.strip();
    if (base.isEmpty()) {
      base = "evidence";
    }
    if (base.length() + wanted.length() > MAX_LENGTH) {
      base = base.substring(0, MAX_LENGTH - wanted.length());
    }
    return base + wanted;
  }

  /** Without a path, control and direction characters; never empty, at most 200 characters. */
  static String clean(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = Checks.withoutBidiControls(n.replaceAll("\\p{Cntrl}", "")).strip();
    if (n.isEmpty()) {
      n = "evidence";
    }
    return n.length() > MAX_LENGTH ? n.substring(n.length() - MAX_LENGTH) : n;
  }
}
