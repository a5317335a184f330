package kz.gov.dozor.persistence.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule of an agency's administrators that drops or dismisses matching detections on receipt,
 * until its last day or until it is retired. Its count is kept by the intake's set-based update,
 * never written through this mapping.
 */
@Entity
@Table(name = "suppression_rule")
public class SuppressionRule {

  /** What a rule looks at. */
  public enum RuleKind {
    /** The URL's host or any of its subdomains. */
    HOST,
    /** A glob ({@code *}, {@code ?}) on the whole normalised URL. */
    URL_PATTERN,
    /** The monitoring system's name for itself (case ignored). */
    SOURCE
  }

  /** What becomes of a matching report. */
  public enum Action {
    /** Nothing is stored. */
    DROP,
    /** Stored on a dismissed triage item, the rule its reason. */
    DISMISS
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suppression_rule_seq")
  @SequenceGenerator(
      name = "suppression_rule_seq",
      sequenceName = "suppression_rule_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private RuleKind kind;

  @Column(nullable = false, updatable = false)
  private String pattern;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Action action;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "ends_on", nullable = false, updatable = false)
  private LocalDate endsOn;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "retired_by")
  private String retiredBy;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "suppressed_count", insertable = false, updatable = false)
  private long suppressedCount;

  @Column(name = "last_suppressed_at", insertable = false, updatable = false)
  private Instant lastSuppressedAt;

  protected SuppressionRule() {}

  public SuppressionRule(
      String organisation,
      RuleKind kind,
      String pattern,
      Action action,
      String reason,
      LocalDate endsOn,
      String createdBy,
      Instant createdAt) {
    this.organisation = organisation;
    this.kind = kind;
    this.pattern = pattern;
    this.action = action;
    this.reason = reason;
    this.endsOn = endsOn;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public void retire(String by, Instant at) {
    this.retiredBy = by;
    this.retiredAt = at;
  }

  /** Whether it applies on {@code today} (Almaty). */
  public boolean inForceOn(LocalDate today) {
    return retiredAt == null && !endsOn.isBefore(today);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getOrganisation() {
    return organisation;
  }

  public RuleKind getKind() {
    return kind;
  }

  public String getPattern() {
    return pattern;
  }

  public Action getAction() {
    return action;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getRetiredBy() {
    return retiredBy;
  }

  public Instant getRetiredAt() {
    return retiredAt;
  }

  public long getSuppressedCount() {
    return suppressedCount;
  }

  public Instant getLastSuppressedAt() {
    return lastSuppressedAt;
  }
}
