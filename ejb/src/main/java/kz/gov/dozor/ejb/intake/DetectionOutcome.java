package kz.gov.dozor.ejb.intake;

/**
 * What became of one report.
 *
 * @param kind accepted as new work, merged into what exists, suppressed by a rule, or rejected
 * @param detectionId the stored report; null when nothing was stored (rejected, or dropped by a
 *     rule)
 * @param target what it was attached to, or null
 * @param targetId the triage item's, case's or registry entry's id
 * @param targetLabel what people call the target: a case's registration number, a URL
 * @param problem for rejected and suppressed items, a short machine-readable code (e.g. {@code
 *     invalid-url}, {@code unknown-category}, {@code suppressed})
 * @param detail for rejected and suppressed items, the reason in words
 */
public record DetectionOutcome(
    Kind kind,
    Long detectionId,
    Target target,
    Long targetId,
    String targetLabel,
    String problem,
    String detail) {

  public enum Kind {
    /** New work: a new triage item. */
    ACCEPTED,
    /** Attached to a pending triage item, an open case or an active block, or already known. */
    MERGED,
    /** Dropped or dismissed by a suppression rule. */
    SUPPRESSED,
    /** Invalid: nothing stored. */
    REJECTED
  }

  public enum Target {
    TRIAGE_ITEM,
    CASE,
    REGISTRY_ENTRY
  }

  public static DetectionOutcome rejected(String problem, String detail) {
    return new DetectionOutcome(Kind.REJECTED, null, null, null, null, problem, detail);
  }
}
