package kz.gov.dozor.persistence.intake;

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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.reference.Category;

/**
 * One URL (by its normalised form) waiting for a person's decision, with what monitoring said of
 * it: how often, since when, from how many sources. Bulk intake writes these rows with set-based
 * SQL; this mapping serves the pages and the people's actions.
 */
@Entity
@Table(name = "triage_item")
public class TriageItem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "triage_item_seq")
  @SequenceGenerator(
      name = "triage_item_seq",
      sequenceName = "triage_item_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TriageStatus status;

  @Column(name = "url_original", nullable = false, updatable = false)
  private String urlOriginal;

  @Column(name = "url_normalized", nullable = false, updatable = false)
  private String urlNormalized;

  @Column(nullable = false, updatable = false)
  private String host;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Platform platform;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "category_code")
  private Category category;

  private BigDecimal score;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "seen_count", nullable = false)
  private int seenCount;

  @Column(name = "source_count", nullable = false)
  private int sourceCount;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "screenshot_detection_id")
  private Detection screenshot;

  @Column(name = "taken_by")
  private String takenBy;

  @Column(name = "taken_until")
  private Instant takenUntil;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "case_id")
  private ViolationCase violationCase;

  @Column(name = "dismissal_reason")
  private String dismissalReason;

  @Column(name = "suppression_rule_id")
  private Long suppressionRuleId;

  @Column(name = "resolved_by")
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected TriageItem() {}

  public TriageItem(
      String organisation,
      String urlOriginal,
      String urlNormalized,
      String host,
      Platform platform,
      Instant seenAt) {
    this.organisation = organisation;
    this.status = TriageStatus.PENDING;
    this.urlOriginal = urlOriginal;
    this.urlNormalized = urlNormalized;
    this.host = host;
    this.platform = platform;
    this.firstSeenAt = seenAt;
    this.lastSeenAt = seenAt;
  }

  /** Whether someone else holds it at {@code now}. */
  public boolean isTakenByOther(String username, Instant now) {
    return takenBy != null
        && !takenBy.equals(username)
        && takenUntil != null
        && takenUntil.isAfter(now);
  }

  public void take(String username, Instant until) {
    this.takenBy = username;
    this.takenUntil = until;
  }

  public void release() {
    this.takenBy = null;
    this.takenUntil = null;
  }

  /** Became part of a case. */
  public void cased(ViolationCase c, String by, Instant at) {
    this.status = TriageStatus.CASED;
    this.violationCase = c;
    resolved(by, at);
  }

  /** Dismissed by a person (rule null) or by a suppression rule. */
  public void dismissed(String reason, Long ruleId, String by, Instant at) {
    this.status = TriageStatus.DISMISSED;
    this.dismissalReason = reason;
    this.suppressionRuleId = ruleId;
    resolved(by, at);
  }

  private void resolved(String by, Instant at) {
    this.resolvedBy = by;
    this.resolvedAt = at;
    release();
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

  public TriageStatus getStatus() {
    return status;
  }

  public String getUrlOriginal() {
    return urlOriginal;
  }

  public String getUrlNormalized() {
    return urlNormalized;
  }

  public String getHost() {
    return host;
  }

  public Platform getPlatform() {
    return platform;
  }

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public BigDecimal getScore() {
    return score;
  }

  public void setScore(BigDecimal score) {
    this.score = score;
  }

  public Instant getFirstSeenAt() {
    return firstSeenAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public int getSeenCount() {
    return seenCount;
  }

  public int getSourceCount() {
    return sourceCount;
  }

  /** Counts one more report, seen at {@code at}, from a source new to this item or not. */
  public void seen(Instant at, boolean newSource) {
    seenCount++;
    if (newSource) {
      sourceCount++;
    }
    if (at.isBefore(firstSeenAt)) {
      firstSeenAt = at;
    }
    if (at.isAfter(lastSeenAt)) {
      lastSeenAt = at;
    }
  }

  public Detection getScreenshot() {
    return screenshot;
  }

  public void setScreenshot(Detection screenshot) {
    this.screenshot = screenshot;
  }

  public String getTakenBy() {
    return takenBy;
  }

  public Instant getTakenUntil() {
    return takenUntil;
  }

  public ViolationCase getViolationCase() {
    return violationCase;
  }

  public String getDismissalReason() {
    return dismissalReason;
  }

  public Long getSuppressionRuleId() {
    return suppressionRuleId;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }
}
