package kz.gov.dozor.persistence.evidence;

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
import java.time.Instant;
import kz.gov.dozor.persistence.cases.ViolationCase;

/**
 * A captured evidence file. The file itself lives in the evidence store, named by its SHA-256; the
 * row keeps who captured it, when, from where and how.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
  @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private ViolationCase violationCase;

  @Column(nullable = false)
  private int position;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  private Integer width;

  private Integer height;

  @Column(name = "captured_by", nullable = false)
  private String capturedBy;

  @Column(name = "captured_at", nullable = false)
  private Instant capturedAt;

  @Column(name = "capture_method", nullable = false)
  private String captureMethod;

  @Column(name = "client_address")
  private String clientAddress;

  protected Evidence() {}

  public Evidence(
      ViolationCase violationCase,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      Integer width,
      Integer height,
      String capturedBy,
      Instant capturedAt,
      String captureMethod,
      String clientAddress) {
    this.violationCase = violationCase;
    this.position = violationCase.nextEvidencePosition();
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.width = width;
    this.height = height;
    this.capturedBy = capturedBy;
    this.capturedAt = capturedAt;
    this.captureMethod = captureMethod;
    this.clientAddress = clientAddress;
    violationCase.addEvidence(this);
  }

  /** The capture that made this file, if a capture did. */
  @Column(name = "capture_id")
  private Long captureId;

  /** Marks the file as made by capture {@code id}. */
  public void fromCapture(long id) {
    this.captureId = id;
  }

  public Long getCaptureId() {
    return captureId;
  }

  public Long getId() {
    return id;
  }

  public ViolationCase getViolationCase() {
    return violationCase;
  }

  public int getPosition() {
    return position;
  }

  public String getFileName() {
    return fileName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public Integer getWidth() {
    return width;
  }

  public Integer getHeight() {
    return height;
  }

  public String getCapturedBy() {
    return capturedBy;
  }

  public Instant getCapturedAt() {
    return capturedAt;
  }

  public String getCaptureMethod() {
    return captureMethod;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public boolean isImage() {
    return mediaType.startsWith("image/");
  }
}
