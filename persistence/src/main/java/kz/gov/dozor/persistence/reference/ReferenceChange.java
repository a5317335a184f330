package kz.gov.dozor.persistence.reference;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One change of reference data: who changed which entry, when, and the old and new value of each
 * field it changed. Written once, never changed.
 */
@Entity
@Table(name = "reference_change")
public class ReferenceChange {

  /** The kind of entry changed. */
  public enum Subject {
    CATEGORY("category"),
    LEGAL_BASIS("legal-basis"),
    RECIPIENT_BODY("recipient-body"),
    DEADLINE("deadline"),
    HOLIDAY("holiday");

    private final String auditName;

    Subject(String auditName) {
      this.auditName = auditName;
    }

    /** The subject type audit entries name it by. */
    public String auditName() {
      return auditName;
    }
  }

  /** What happened to the entry. */
  public enum Kind {
    ADDED,
    CHANGED,
    RETIRED,
    REINSTATED,
    REMOVED
  }

  /** The old and new value of one field, as text; null where there was none. */
  @Embeddable
  public static class Field implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "field", nullable = false)
    private String name;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected Field() {}

    public Field(String name, String oldValue, String newValue) {
      this.name = name;
      this.oldValue = oldValue;
      this.newValue = newValue;
    }

    public String getName() {
      return name;
    }

    public String getOldValue() {
      return oldValue;
    }

    public String getNewValue() {
      return newValue;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reference_change_seq")
  @SequenceGenerator(
      name = "reference_change_seq",
      sequenceName = "reference_change_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false, updatable = false)
  private Subject subject;

  @Column(name = "subject_key", nullable = false, updatable = false)
  private String subjectKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "changed_by", nullable = false, updatable = false)
  private String changedBy;

  @Column(updatable = false)
  private String organisation;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "reference_change_field", joinColumns = @JoinColumn(name = "change_id"))
  @OrderColumn(name = "position")
  private List<Field> fields = new ArrayList<>();

  protected ReferenceChange() {}

  public ReferenceChange(
      Subject subject,
      String subjectKey,
      Kind kind,
      String changedBy,
      String organisation,
      Instant changedAt,
      List<Field> fields) {
    this.subject = subject;
    this.subjectKey = subjectKey;
    this.kind = kind;
    this.changedBy = changedBy;
    this.organisation = organisation;
    this.changedAt = changedAt;
    this.fields = new ArrayList<>(fields);
  }

  public Long getId() {
    return id;
  }

  public Subject getSubject() {
    return subject;
  }

  public String getSubjectKey() {
    return subjectKey;
  }

  public Kind getKind() {
    return kind;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public String getOrganisation() {
    return organisation;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public List<Field> getFields() {
    return Collections.unmodifiableList(fields);
  }
}
