package kz.gov.dozor.persistence.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last fixity check of a kept content, and whether its file was found damaged. */
@Entity
@Table(name = "evidence_fixity")
public class EvidenceFixity {

  @Id
  @Column(length = 64)
  private String sha256;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  @Column(name = "damaged_at")
  private Instant damagedAt;

  private String detail;

  protected EvidenceFixity() {}

  /** The file was hashed at {@code at} and still has its SHA-256. */
  public void intact(Instant at) {
    this.checkedAt = at;
  }

  /**
   * The file was hashed at {@code at} and differs ({@code detail} says how); true if it was not
   * known to be damaged before.
   */
  public boolean damaged(Instant at, String detail) {
    this.checkedAt = at;
    boolean first = damagedAt == null;
    if (first) {
      this.damagedAt = at;
      this.detail = detail;
    }
    return first;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public Instant getDamagedAt() {
    return damagedAt;
  }

  public String getDetail() {
    return detail;
  }
}
