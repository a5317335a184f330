package kz.gov.dozor.ejb.platform;

import java.util.List;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;

/** The checks of free-text input that every use case repeats: collect problems, then refuse. */
public final class Checks {

  /**
   * Characters that change the order in which text is shown (embeddings, overrides, isolates and
   * direction marks): with them {@code invoice\u202Egnp.exe} reads as {@code invoiceexe.png}.
   */
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");

  private Checks() {}

  /** A value that must be there, at most {@code max} characters long. */
  public static void required(String field, String value, int max, List<Problem> out) {
    if (isBlank(value)) {
      out.add(new Problem(field, "field.required"));
    } else {
      maxLength(field, value, max, out);
    }
  }

  /** A value that may be missing but is at most {@code max} characters long. */
  public static void maxLength(String field, String value, int max, List<Problem> out) {
    if (value != null && value.length() > max) {
      out.add(new Problem(field, "text.tooLong", max));
    }
    noBidiControls(field, value, out);
  }

  /** Free text must read as it is stored: no characters that reorder what is shown. */
  public static void noBidiControls(String field, String value, List<Problem> out) {
    if (hasBidiControls(value)) {
      out.add(new Problem(field, "text.bidiControls"));
    }
  }

  public static boolean hasBidiControls(String s) {
    return s != null && BIDI_CONTROLS.matcher(s).find();
  }

  /** The text without characters that reorder what is shown; for names we keep, not refuse. */
  public static String withoutBidiControls(String s) {
    return s == null ? null : BIDI_CONTROLS.matcher(s).replaceAll("");
  }

  /** Refuses the command with every problem found, if there is any. */
  public static void refuseIf(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static String blankToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }
}
