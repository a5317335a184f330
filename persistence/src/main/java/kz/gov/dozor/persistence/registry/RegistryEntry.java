package kz.gov.dozor.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.notices.BlockNotice;

/** A restricted resource: the ministry's decision behind it, and its lifting once lifted. */
@Entity
@Table(name = "registry_entry")
public class RegistryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registry_entry_seq")
  @SequenceGenerator(
      name = "registry_entry_seq",
      sequenceName = "registry_entry_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "resource_id")
  private CaseResource resource;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "notice_id")
  private BlockNotice notice;

  @Column(nullable = false)
  private String url;

  @Column(name = "url_normalized", nullable = false)
  private String urlNormalized;

  @Column(name = "decision_number", nullable = false)
  private String decisionNumber;

  @Column(name = "decision_date", nullable = false)
  private LocalDate decisionDate;

  @Column(name = "issuing_body", nullable = false)
  private String issuingBody;

  @Column(name = "blocked_at", nullable = false)
  private Instant blockedAt;

  @Column(name = "blocked_by", nullable = false)
  private String blockedBy;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  @Column(name = "lifted_by")
  private String liftedBy;

  @Column(name = "lift_reason")
  private String liftReason;

  @Column(nullable = false)
  private String host;

  @Column(name = "block_type", nullable = false)
  private String blockType;

  @Column(nullable = false)
  private boolean urgent;

  @Column(name = "notice_number", nullable = false)
  private String noticeNumber;

  /** The registry version that included the entry. */
  @Column(name = "included_version", nullable = false)
  private long includedVersion;

  /** The registry version that changed it last (included, corrected or lifted it). */
  @Column(name = "changed_version", nullable = false)
  private long changedVersion;

  @Column(name = "lifted_version")
  private Long liftedVersion;

  protected RegistryEntry() {}

  /** Lifted at registry version {@code registryVersion}: providers see it removed from then on. */
  public void lift(String by, String reason, Instant at, long registryVersion) {
    this.active = false;
    this.liftedBy = by;
    this.liftReason = reason;
    this.liftedAt = at;
    this.liftedVersion = registryVersion;
    this.changedVersion = registryVersion;
  }

  /**
   * Corrects the decision this block records (a mistyped number or date): providers see it changed.
   */
  public void correct(String decisionNumber, LocalDate decisionDate, long registryVersion) {
    this.decisionNumber = decisionNumber;
    this.decisionDate = decisionDate;
    this.changedVersion = registryVersion;
  }

  public String getHost() {
    return host;
  }

  public String getBlockType() {
    return blockType;
  }

  public boolean isUrgent() {
    return urgent;
  }

  public String getNoticeNumber() {
    return noticeNumber;
  }

  public long getIncludedVersion() {
    return includedVersion;
  }

  public long getChangedVersion() {
    return changedVersion;
  }

  public Long getLiftedVersion() {
    return liftedVersion;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public CaseResource getResource() {
    return resource;
  }

  public BlockNotice getNotice() {
    return notice;
  }

  public String getUrl() {
    return url;
  }

  public String getUrlNormalized() {
    return urlNormalized;
  }

  public String getDecisionNumber() {
    return decisionNumber;
  }

  public LocalDate getDecisionDate() {
    return decisionDate;
  }

  public String getIssuingBody() {
    return issuingBody;
  }

  public Instant getBlockedAt() {
    return blockedAt;
  }

  public String getBlockedBy() {
    return blockedBy;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getLiftedAt() {
    return liftedAt;
  }

  public String getLiftedBy() {
    return liftedBy;
  }

  public String getLiftReason() {
    return liftReason;
  }
}
