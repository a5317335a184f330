package kz.gov.dozor.persistence.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An RFC 3161 timestamp of a SHA-256: of an evidence file's content or of the audit chain's head.
 * Rows are asked for by the database (a trigger on evidence, the daily audit job) and wait, token
 * null, until the time-stamping authority answers.
 */
@Entity
@Table(name = "trusted_timestamp")
public class TrustedTimestamp {

  /** What was stamped. */
  public enum Subject {
    EVIDENCE,
    AUDIT_HEAD
  }

  @Id private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Subject subject;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "audit_seq", updatable = false)
  private Long auditSeq;

  @Column(name = "audit_day", updatable = false)
  private LocalDate auditDay;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  private byte[] token;

  @Column(name = "stamped_at")
  private Instant stampedAt;

  private String serial;

  private String authority;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  protected TrustedTimestamp() {}

  /** The authority answered with a token it signed at {@code time}. */
  public void stamped(byte[] token, Instant time, String serial, String authority) {
    this.token = token.clone();
    this.stampedAt = time;
    this.serial = serial;
    this.authority = authority;
    this.attempts++;
    this.lastError = null;
  }

  /** The authority could not be asked or refused: try again after {@code wait}. */
  public void failed(String error, Instant now, Duration wait) {
    this.attempts++;
    this.lastError = error == null ? "unknown error" : error;
    this.nextAttemptAt = now.plus(wait);
  }

  public Long getId() {
    return id;
  }

  public Subject getSubject() {
    return subject;
  }

  public String getSha256() {
    return sha256;
  }

  public Long getAuditSeq() {
    return auditSeq;
  }

  public LocalDate getAuditDay() {
    return auditDay;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public byte[] getToken() {
    return token == null ? null : token.clone();
  }

  public Instant getStampedAt() {
    return stampedAt;
  }

  public String getSerial() {
    return serial;
  }

  public String getAuthority() {
    return authority;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }
}
