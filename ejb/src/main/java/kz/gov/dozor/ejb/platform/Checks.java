package kz.gov.dozor.ejb.platform;

import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;

/** The checks of free-text input that every use case repeats: collect problems, then refuse. */
public final class Checks {

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
