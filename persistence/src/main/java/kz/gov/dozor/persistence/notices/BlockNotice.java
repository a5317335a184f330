package kz.gov.dozor.persistence.notices;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.reference.LegalBasis;

/** A notification asking the ministry to block resources of a case, with evidence attached. */
@Entity
@Table(name = "block_notice")
public class BlockNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "block_notice_seq")
  @SequenceGenerator(
      name = "block_notice_seq",
      sequenceName = "block_notice_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private ViolationCase violationCase;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NoticeStatus status;

  @Column(nullable = false)
  private int round;

  /** The legal basis as cited: picked from the list or typed; later edits never change it. */
  @Column(name = "legal_basis", nullable = false)
  private String legalBasis;

  /** The entry of the list the legal basis was picked from, if it was picked. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "legal_basis_id")
  private LegalBasis pickedBasis;

  @Column(nullable = false)
  private String justification;

  @Column(name = "drafted_by", nullable = false, updatable = false)
  private String draftedBy;

  @Column(name = "drafted_at", nullable = false, updatable = false)
  private Instant draftedAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "outgoing_number")
  private String outgoingNumber;

  /** The language of the official letter: kk, ru or en. */
  @Column(name = "letter_language", nullable = false)
  private String letterLanguage = "ru";

  @Column(name = "sent_at")
  private Instant sentAt;

  /** When the ministry first received the notification; later rounds keep it. */
  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "overdue_notified", nullable = false)
  private boolean overdueNotified;

  @OneToMany(mappedBy = "notice", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<NoticeResource> resources = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "block_notice_evidence",
      joinColumns = @JoinColumn(name = "notice_id"),
      inverseJoinColumns = @JoinColumn(name = "evidence_id"))
  @OrderBy("position")
  private Set<Evidence> evidence = new LinkedHashSet<>();

  protected BlockNotice() {}

  public BlockNotice(
      ViolationCase violationCase,
      String legalBasis,
      LegalBasis pickedBasis,
      String justification,
      String draftedBy,
      Instant draftedAt) {
    this.violationCase = violationCase;
    this.organisation = violationCase.getOrganisation();
    this.legalBasis = legalBasis;
    this.pickedBasis = pickedBasis;
    this.justification = justification;
    this.draftedBy = draftedBy;
    this.draftedAt = draftedAt;
    this.submittedAt = draftedAt;
    this.status = NoticeStatus.AWAITING_SIGN_OFF;
    this.round = 1;
  }

  /**
   * @throws IllegalStateException when the transition is not allowed
   */
  public void moveTo(NoticeStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(status + " cannot move to " + target);
    }
    status = target;
  }

  public NoticeResource addResource(CaseResource resource) {
    NoticeResource r = new NoticeResource(this, resource);
    resources.add(r);
    return r;
  }

  public void attach(Evidence e) {
    evidence.add(e);
  }

  public void letterIn(String language) {
    this.letterLanguage = language;
  }

  public String getLetterLanguage() {
    return letterLanguage;
  }

  public void revise(String legalBasis, LegalBasis pickedBasis, String justification, Instant at) {
    this.legalBasis = legalBasis;
    this.pickedBasis = pickedBasis;
    this.justification = justification;
    this.submittedAt = at;
  }

  public void reviewed(String by, String comment) {
    this.reviewedBy = by;
    this.reviewComment = comment;
  }

  public void sent(String outgoingNumber, Instant at) {
    if (this.outgoingNumber == null) {
      this.outgoingNumber = outgoingNumber;
    }
    this.sentAt = at;
    if (this.receivedAt == null) {
      this.receivedAt = at;
    }
  }

  public void nextRound(Instant at) {
    round++;
    sentAt = at;
  }

  public void decided(Instant at) {
    decidedAt = at;
  }

  /** The deadline of the step the notification is in now; null when nothing is due. */
  public void due(Instant at) {
    this.dueAt = at;
    this.overdueNotified = false;
  }

  public void overdueNotified() {
    this.overdueNotified = true;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public boolean isOverdueNotified() {
    return overdueNotified;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public ViolationCase getViolationCase() {
    return violationCase;
  }

  public String getOrganisation() {
    return organisation;
  }

  public NoticeStatus getStatus() {
    return status;
  }

  public int getRound() {
    return round;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public LegalBasis getPickedBasis() {
    return pickedBasis;
  }

  public String getJustification() {
    return justification;
  }

  public String getDraftedBy() {
    return draftedBy;
  }

  public Instant getDraftedAt() {
    return draftedAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public String getOutgoingNumber() {
    return outgoingNumber;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public List<NoticeResource> getResources() {
    return Collections.unmodifiableList(resources);
  }

  public Set<Evidence> getEvidence() {
    return Collections.unmodifiableSet(evidence);
  }
}
