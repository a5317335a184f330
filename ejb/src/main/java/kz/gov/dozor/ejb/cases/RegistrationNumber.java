package kz.gov.dozor.ejb.cases;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's registration number, e.g. {@code AFM-2026-000001}: the organisation, the year of
 * registration (in Almaty) and a gap-free sequence number within both.
 */
public record RegistrationNumber(String organisation, int year, long sequence) {

  private static final Pattern FORMAT = Pattern.compile("^([A-Z][A-Z0-9]*)-(\\d{4})-(\\d{6,})$");

  public RegistrationNumber {
    if (organisation == null || !organisation.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("organisation alias must be alphanumeric");
    }
    if (year < 2000 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive: " + sequence);
    }
    organisation = organisation.toUpperCase(Locale.ROOT);
  }

  public static RegistrationNumber parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a registration number: " + text);
    }
    return new RegistrationNumber(
        m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s-%04d-%06d", organisation, year, sequence);
  }
}
