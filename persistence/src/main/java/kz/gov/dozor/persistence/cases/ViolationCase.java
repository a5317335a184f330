package kz.gov.dozor.persistence.cases;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.reference.Category;
import kz.gov.dozor.persistence.reference.LegalBasis;

/** A registered violation: what was found, where, and the evidence captured for it. */
@Entity
@Table(name = "violation_case")
public class ViolationCase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "violation_case_seq")
  @SequenceGenerator(
      name = "violation_case_seq",
      sequenceName = "violation_case_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "registration_number", nullable = false, updatable = false)
  private String registrationNumber;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_code")
  private Category category;

  @Column(nullable = false)
  private String description;

  @Column(name = "detected_at", nullable = false)
  private Instant detectedAt;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private Instant registeredAt;

  @Column(name = "registered_by", nullable = false, updatable = false)
  private String registeredBy;

  @Column(name = "submission_key", nullable = false, updatable = false)
  private UUID submissionKey;

  @Column(name = "crime_signs")
  private Boolean crimeSigns;

  @Enumerated(EnumType.STRING)
  @Column(name = "prohibited_by")
  private ProhibitedBy prohibitedBy;

  /** The legal basis as cited: picked from the list or typed; later edits never change it. */
  @Column(name = "legal_reference")
  private String legalReference;

  /** The entry of the list the legal basis was picked from, if it was picked. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "legal_basis_id")
  private LegalBasis pickedBasis;

  @Column(name = "dismissal_reason")
  private String dismissalReason;

  @Column(name = "status_changed_at", nullable = false)
  private Instant statusChangedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @OneToMany(mappedBy = "violationCase", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<CaseResource> resources = new ArrayList<>();

  @OneToMany(mappedBy = "violationCase", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<Evidence> evidence = new ArrayList<>();

  protected ViolationCase() {}

  public ViolationCase(
      String registrationNumber,
      String organisation,
      Category category,
      String description,
      Instant detectedAt,
      Instant registeredAt,
      String registeredBy,
      UUID submissionKey) {
    this.registrationNumber = registrationNumber;
    this.organisation = organisation;
    this.category = category;
    this.description = description;
    this.detectedAt = detectedAt;
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
    this.submissionKey = submissionKey;
    this.status = CaseStatus.REGISTERED;
    this.statusChangedAt = registeredAt;
  }

  /**
   * Moves the case to {@code target} if {@link CaseStatus#canMoveTo} allows it.
   *
   * @throws IllegalStateException when the transition is not allowed
   */
  public void moveTo(CaseStatus target, Instant at) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(status + " cannot move to " + target);
    }
    status = target;
    statusChangedAt = at;
    if (target == CaseStatus.CLOSED) {
      closedAt = at;
    }
  }

  /** Records the answers to the procedure's two questions. */
  public void answerRouteQuestions(
      boolean crimeSigns,
      ProhibitedBy prohibitedBy,
      String legalReference,
      LegalBasis pickedBasis) {
    this.crimeSigns = crimeSigns;
    this.prohibitedBy = prohibitedBy;
    this.legalReference = legalReference;
    this.pickedBasis = pickedBasis;
  }

  public void dismissBecause(String reason) {
    this.dismissalReason = reason;
  }

  /** A closed case is sealed: it is only read from now on. */
  public boolean isSealed() {
    return status == CaseStatus.CLOSED;
  }

  public CaseResource addResource(String original, String normalized, String host, Platform p) {
    CaseResource r = new CaseResource(this, resources.size() + 1, original, normalized, host, p);
    resources.add(r);
    return r;
  }

  public void addEvidence(Evidence e) {
    evidence.add(e);
  }

  public int nextEvidencePosition() {
    return evidence.size() + 1;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getRegistrationNumber() {
    return registrationNumber;
  }

  public String getOrganisation() {
    return organisation;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public Category getCategory() {
    return category;
  }

  public String getDescription() {
    return description;
  }

  public Instant getDetectedAt() {
    return detectedAt;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public UUID getSubmissionKey() {
    return submissionKey;
  }

  public Boolean getCrimeSigns() {
    return crimeSigns;
  }

  public ProhibitedBy getProhibitedBy() {
    return prohibitedBy;
  }

  public String getLegalReference() {
    return legalReference;
  }

  public LegalBasis getPickedBasis() {
    return pickedBasis;
  }

  public String getDismissalReason() {
    return dismissalReason;
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public List<CaseResource> getResources() {
    return Collections.unmodifiableList(resources);
  }

  public List<Evidence> getEvidence() {
    return Collections.unmodifiableList(evidence);
  }
}
