package kz.gov.dozor.ejb.intake;

/**
 * A row after its own checks: either a report for {@link DetectionIntake}, or a rejection.
 *
 * @param row the row's number in the file
 * @param url the URL as the row gave it, for the report of rejected rows
 */
public record ParsedRow(
    long row, IncomingDetection detection, String url, String problem, String detail) {

  public static ParsedRow rejected(long row, String url, String problem, String detail) {
    return new ParsedRow(row, null, url, problem, detail);
  }
}
