package kz.gov.dozor.persistence.notices;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a notification's sign-off produced: the official letter (PDF), the package's manifest and
 * the agency's detached signature of the manifest.
 */
@Entity
@Table(name = "notice_package")
public class NoticePackage {

  @Id
  @Column(name = "notice_id")
  private Long noticeId;

  @Column(nullable = false)
  private String language;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] letter;

  @Column(name = "letter_sha256", nullable = false, length = 64)
  private String letterSha256;

  @Column(nullable = false)
  private byte[] manifest;

  @Column(name = "manifest_signature", nullable = false)
  private byte[] manifestSignature;

  @Column(nullable = false)
  private String signer;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected NoticePackage() {}

  public NoticePackage(
      long noticeId,
      String language,
      byte[] letter,
      String letterSha256,
      byte[] manifest,
      byte[] manifestSignature,
      String signer,
      Instant createdAt,
      String createdBy) {
    this.noticeId = noticeId;
    this.language = language;
    this.letter = letter.clone();
    this.letterSha256 = letterSha256;
    this.manifest = manifest.clone();
    this.manifestSignature = manifestSignature.clone();
    this.signer = signer;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public Long getNoticeId() {
    return noticeId;
  }

  public String getLanguage() {
    return language;
  }

  public byte[] getLetter() {
    return letter.clone();
  }

  public String getLetterSha256() {
    return letterSha256;
  }

  public byte[] getManifest() {
    return manifest.clone();
  }

  public byte[] getManifestSignature() {
    return manifestSignature.clone();
  }

  public String getSigner() {
    return signer;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
