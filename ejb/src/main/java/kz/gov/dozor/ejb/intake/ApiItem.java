package kz.gov.dozor.ejb.intake;

/**
 * One element of an API request as the web tier read it from the JSON: a report (its screenshot
 * still raw bytes), or the reason it could not be read.
 *
 * @param detection the report, without its screenshot; null when refused
 * @param screenshot the screenshot's bytes as sent (decoded from base64), or null
 * @param screenshotName the screenshot's file name as sent, or null
 * @param refused why the element is not a report (e.g. a field of the wrong type), or null
 */
public record ApiItem(
    IncomingDetection detection,
    byte[] screenshot,
    String screenshotName,
    DetectionOutcome refused) {

  public static ApiItem refused(String problem, String detail) {
    return new ApiItem(null, null, null, DetectionOutcome.rejected(problem, detail));
  }
}
