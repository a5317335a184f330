package kz.gov.dozor.ejb.reference;

import static kz.gov.dozor.ejb.platform.Checks.isBlank;
import static kz.gov.dozor.ejb.platform.Checks.required;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.persistence.reference.LocalizedName;

/** The checks every kind of reference entry shares: codes, texts in three languages, order. */
final class ReferenceChecks {

  /** Codes are what other data and the audit log name an entry by: short, plain, upper case. */
  static final int MAX_CODE = 50;

  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  static final int MAX_POSITION = 9999;

  private ReferenceChecks() {}

  /** The code as stored (trimmed, upper case), with a problem if it is missing or malformed. */
  static String code(String value, List<Problem> out) {
    if (isBlank(value)) {
      out.add(new Problem("code", "field.required"));
      return null;
    }
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
      out.add(new Problem("code", "reference.code.format", MAX_CODE));
      return null;
    }
    return code;
  }

  /** A text required in all three languages ({@code nameKk}, {@code nameRu}, {@code nameEn}). */
  static LocalizedName texts(
      String field, String kk, String ru, String en, int max, List<Problem> out) {
    required(field + "Kk", kk, max, out);
    required(field + "Ru", ru, max, out);
    required(field + "En", en, max, out);
    return isBlank(kk) || isBlank(ru) || isBlank(en)
        ? null
        : new LocalizedName(kk.strip(), ru.strip(), en.strip());
  }

  /** The place in lists: a whole number from 0 to {@value #MAX_POSITION}. */
  static void position(Integer position, List<Problem> out) {
    if (position == null || position < 0 || position > MAX_POSITION) {
      out.add(new Problem("position", "reference.position.range", MAX_POSITION));
    }
  }
}
