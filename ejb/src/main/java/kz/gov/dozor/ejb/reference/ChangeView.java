package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.persistence.reference.ReferenceChange;

/**
 * One change of reference data as its history shows it: which entry ({@code subjectKey}, and {@code
 * subjectLabel} as people know it), what happened, who did it (login and name, and their
 * organisation), when, and each field's old and new value (as stored: codes, numbers, {@code
 * true}/{@code false}; the page words them).
 */
public record ChangeView(
    Instant at,
    ReferenceChange.Subject subject,
    String subjectKey,
    String subjectLabel,
    ReferenceChange.Kind kind,
    String actor,
    String actorName,
    String organisation,
    List<FieldView> fields)
    implements Serializable {

  /** One field's change; a null value means there was none (before an addition, say). */
  public record FieldView(String field, String oldValue, String newValue) implements Serializable {}
}
