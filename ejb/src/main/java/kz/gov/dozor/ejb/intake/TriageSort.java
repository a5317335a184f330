package kz.gov.dozor.ejb.intake;

/** The orders of the triage queue, each served by an index of {@code V8_0__intake.sql}. */
public enum TriageSort {
  LAST_SEEN("t.last_seen_at"),
  FIRST_SEEN("t.first_seen_at"),
  SCORE("t.score"),
  SEEN_COUNT("t.seen_count");

  final String column;

  TriageSort(String column) {
    this.column = column;
  }
}
