package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a case's history: who did what, when, and between which states. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

  /** What happened; the page shows each with a label from the message bundles. */
  public enum Type {
    REGISTERED,
    ROUTED,
    DISMISSED,
    REFERRAL_SENT,
    REFERRAL_OUTCOME,
    CLOSED,
    /** Resources (from the triage queue) added to the case after it was registered. */
    RESOURCES_ADDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
  @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private ViolationCase violationCase;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Type type;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  private CaseStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status")
  private CaseStatus toStatus;

  private String detail;

  protected CaseEvent() {}

  public CaseEvent(
      ViolationCase violationCase,
      Instant occurredAt,
      String actor,
      Type type,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String detail) {
    this.violationCase = violationCase;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.type = type;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.detail = detail;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public Type getType() {
    return type;
  }

  public CaseStatus getFromStatus() {
    return fromStatus;
  }

  public CaseStatus getToStatus() {
    return toStatus;
  }

  public String getDetail() {
    return detail;
  }
}
