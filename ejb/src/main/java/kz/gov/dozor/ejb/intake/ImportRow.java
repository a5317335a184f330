package kz.gov.dozor.ejb.intake;

import java.util.Map;

/**
 * One data row of an imported file as read, not yet checked.
 *
 * @param number the row's number in the file as people count it (the header is row 1)
 * @param values the row's cells by column name (lower case); absent cells are missing
 */
public record ImportRow(long number, Map<String, String> values) {

  public String get(String column) {
    String v = values.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
