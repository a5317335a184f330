package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import kz.gov.dozor.persistence.reference.RecipientBody;

/** The referral of a case to a competent body: the outgoing letter, then the body's outcome. */
@Entity
@Table(name = "referral")
public class Referral {

  @Id
  @Column(name = "case_id")
  private Long caseId;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "body_code")
  private RecipientBody body;

  @Column(name = "letter_number", nullable = false)
  private String letterNumber;

  @Column(name = "letter_date", nullable = false)
  private LocalDate letterDate;

  @Column(name = "sent_by", nullable = false)
  private String sentBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Enumerated(EnumType.STRING)
  private ReferralOutcome outcome;

  @Column(name = "penalty_mrp")
  private BigDecimal penaltyMrp;

  @Column(name = "outcome_comment")
  private String outcomeComment;

  @Column(name = "outcome_by")
  private String outcomeBy;

  @Column(name = "outcome_at")
  private Instant outcomeAt;

  protected Referral() {}

  public Referral(
      long caseId,
      RecipientBody body,
      String letterNumber,
      LocalDate letterDate,
      String sentBy,
      Instant recordedAt) {
    this.caseId = caseId;
    this.body = body;
    this.letterNumber = letterNumber;
    this.letterDate = letterDate;
    this.sentBy = sentBy;
    this.recordedAt = recordedAt;
  }

  public void recordOutcome(
      ReferralOutcome outcome, BigDecimal penaltyMrp, String comment, String by, Instant at) {
    this.outcome = outcome;
    this.penaltyMrp = penaltyMrp;
    this.outcomeComment = comment;
    this.outcomeBy = by;
    this.outcomeAt = at;
  }

  public Long getCaseId() {
    return caseId;
  }

  public RecipientBody getBody() {
    return body;
  }

  public String getLetterNumber() {
    return letterNumber;
  }

  public LocalDate getLetterDate() {
    return letterDate;
  }

  public String getSentBy() {
    return sentBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public ReferralOutcome getOutcome() {
    return outcome;
  }

  public BigDecimal getPenaltyMrp() {
    return penaltyMrp;
  }

  public String getOutcomeComment() {
    return outcomeComment;
  }

  public String getOutcomeBy() {
    return outcomeBy;
  }

  public Instant getOutcomeAt() {
    return outcomeAt;
  }
}
