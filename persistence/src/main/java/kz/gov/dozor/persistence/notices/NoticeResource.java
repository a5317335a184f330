package kz.gov.dozor.persistence.notices;

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
import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.CaseResource;

/** One resource of a notification and the ministry's decision on it. */
@Entity
@Table(name = "block_notice_resource")
public class NoticeResource {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "block_notice_resource_seq")
  @SequenceGenerator(
      name = "block_notice_resource_seq",
      sequenceName = "block_notice_resource_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "notice_id")
  private BlockNotice notice;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "resource_id")
  private CaseResource resource;

  @Enumerated(EnumType.STRING)
  private ResourceDecision decision;

  @Column(name = "decision_number")
  private String decisionNumber;

  @Column(name = "decision_date")
  private LocalDate decisionDate;

  /** The refusal's reason, or the question of a return for more information. */
  private String reason;

  /** The agency's answer to a return. */
  private String answer;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected NoticeResource() {}

  NoticeResource(BlockNotice notice, CaseResource resource) {
    this.notice = notice;
    this.resource = resource;
  }

  public void decide(
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String reason,
      String by,
      Instant at) {
    this.decision = decision;
    this.decisionNumber = decisionNumber;
    this.decisionDate = decisionDate;
    this.reason = reason;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  /** The agency answered the ministry's question: the resource awaits a new decision. */
  public void answered(String answer) {
    this.answer = answer;
    this.decision = null;
    this.decisionNumber = null;
    this.decisionDate = null;
    this.decidedBy = null;
    this.decidedAt = null;
  }

  public Long getId() {
    return id;
  }

  public BlockNotice getNotice() {
    return notice;
  }

  public CaseResource getResource() {
    return resource;
  }

  public ResourceDecision getDecision() {
    return decision;
  }

  public String getDecisionNumber() {
    return decisionNumber;
  }

  public LocalDate getDecisionDate() {
    return decisionDate;
  }

  public String getReason() {
    return reason;
  }

  public String getAnswer() {
    return answer;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
