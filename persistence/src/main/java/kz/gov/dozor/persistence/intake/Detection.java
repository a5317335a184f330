package kz.gov.dozor.persistence.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/**
 * One report of a candidate violation as a monitoring system (or a file import) delivered it, and
 * what it was attached to. Rows are written in bulk with set-based SQL (ids from {@code
 * detection_seq}); this mapping is for reading them, and is never changed after it is written
 * except for what it is attached to.
 */
@Entity
@Table(name = "detection")
public class Detection {

  @Id private Long id;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Column(name = "source_system", nullable = false, updatable = false)
  private String sourceSystem;

  @Column(name = "source_ref", nullable = false, updatable = false)
  private String sourceRef;

  @Column(name = "received_from", nullable = false, updatable = false)
  private String receivedFrom;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "detected_at", nullable = false, updatable = false)
  private Instant detectedAt;

  @Column(name = "url_original", nullable = false, updatable = false)
  private String urlOriginal;

  @Column(name = "url_normalized", nullable = false, updatable = false)
  private String urlNormalized;

  @Column(nullable = false, updatable = false)
  private String host;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Platform platform;

  @Column(name = "category_code", updatable = false)
  private String categoryCode;

  @Column(updatable = false)
  private BigDecimal score;

  @Column(updatable = false)
  private String note;

  @Column(name = "screenshot_sha256", updatable = false)
  private String screenshotSha256;

  @Column(name = "screenshot_type", updatable = false)
  private String screenshotType;

  @Column(name = "screenshot_bytes", updatable = false)
  private Long screenshotBytes;

  @Column(name = "screenshot_name", updatable = false)
  private String screenshotName;

  @Column(name = "screenshot_width", updatable = false)
  private Integer screenshotWidth;

  @Column(name = "screenshot_height", updatable = false)
  private Integer screenshotHeight;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "triage_item_id")
  private TriageItem triageItem;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "case_resource_id")
  private CaseResource caseResource;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "registry_entry_id")
  private RegistryEntry registryEntry;

  @Column(name = "suppression_rule_id", updatable = false)
  private Long suppressionRuleId;

  @Column(name = "import_id", updatable = false)
  private Long importId;

  @Column(name = "import_row", updatable = false)
  private Long importRow;

  protected Detection() {}

  /** Attaches it to the case resource its triage item became. */
  public void attachTo(CaseResource resource) {
    this.caseResource = resource;
  }

  public Long getId() {
    return id;
  }

  public String getOrganisation() {
    return organisation;
  }

  public String getSourceSystem() {
    return sourceSystem;
  }

  public String getSourceRef() {
    return sourceRef;
  }

  public String getReceivedFrom() {
    return receivedFrom;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getDetectedAt() {
    return detectedAt;
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

  public String getCategoryCode() {
    return categoryCode;
  }

  public BigDecimal getScore() {
    return score;
  }

  public String getNote() {
    return note;
  }

  public String getScreenshotSha256() {
    return screenshotSha256;
  }

  public String getScreenshotType() {
    return screenshotType;
  }

  public Long getScreenshotBytes() {
    return screenshotBytes;
  }

  public String getScreenshotName() {
    return screenshotName;
  }

  public Integer getScreenshotWidth() {
    return screenshotWidth;
  }

  public Integer getScreenshotHeight() {
    return screenshotHeight;
  }

  public TriageItem getTriageItem() {
    return triageItem;
  }

  public CaseResource getCaseResource() {
    return caseResource;
  }

  public RegistryEntry getRegistryEntry() {
    return registryEntry;
  }

  public Long getSuppressionRuleId() {
    return suppressionRuleId;
  }

  public Long getImportId() {
    return importId;
  }

  public Long getImportRow() {
    return importRow;
  }
}
