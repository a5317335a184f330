package kz.gov.dozor.persistence.evidence;

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
import java.time.Instant;

/** Chain of custody: one access to an evidence file after it was captured. */
@Entity
@Table(name = "evidence_access")
public class EvidenceAccess {

  /** How the file was accessed. */
  public enum Action {
    THUMBNAIL,
    VIEW,
    DOWNLOAD,
    /** Handed out inside a notification package. */
    EXPORT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_access_seq")
  @SequenceGenerator(
      name = "evidence_access_seq",
      sequenceName = "evidence_access_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "evidence_id")
  private Evidence evidence;

  @Column(name = "accessed_at", nullable = false)
  private Instant accessedAt;

  @Column(nullable = false)
  private String username;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Action action;

  @Column(name = "client_address")
  private String clientAddress;

  /** Why, where a reason is asked for (restricted evidence). */
  private String reason;

  protected EvidenceAccess() {}

  public EvidenceAccess(
      Evidence evidence, Instant accessedAt, String username, Action action, String address) {
    this.evidence = evidence;
    this.accessedAt = accessedAt;
    this.username = username;
    this.action = action;
    this.clientAddress = address;
  }

  /** An access for which the person gave {@code reason}. */
  public EvidenceAccess because(String reason) {
    this.reason = reason;
    return this;
  }

  public String getReason() {
    return reason;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public Long getId() {
    return id;
  }

  public Instant getAccessedAt() {
    return accessedAt;
  }

  public String getUsername() {
    return username;
  }

  public Action getAction() {
    return action;
  }
}
