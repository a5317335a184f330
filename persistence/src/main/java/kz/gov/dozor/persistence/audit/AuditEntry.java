package kz.gov.dozor.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit log; never changed once written (the database refuses it). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id private long seq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(updatable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private AuditAction action;

  @Column(name = "subject_type", updatable = false)
  private String subjectType;

  @Column(name = "subject_id", updatable = false)
  private String subjectId;

  @Column(updatable = false)
  private String detail;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  /** The organisation that owns the subject, when it is not the actor's. */
  @Column(name = "owner_organisation", updatable = false)
  private String ownerOrganisation;

  /** The address a refused request asked for, with its query. */
  @Column(name = "requested_url", updatable = false)
  private String requestedUrl;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(nullable = false, updatable = false)
  private String hash;

  protected AuditEntry() {}

  public AuditEntry(
      long seq,
      Instant occurredAt,
      String actor,
      String organisation,
      AuditAction action,
      String subjectType,
      String subjectId,
      String detail,
      String clientAddress,
      String ownerOrganisation,
      String requestedUrl,
      String prevHash,
      String hash) {
    this.seq = seq;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.organisation = organisation;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.detail = detail;
    this.clientAddress = clientAddress;
    this.ownerOrganisation = ownerOrganisation;
    this.requestedUrl = requestedUrl;
    this.prevHash = prevHash;
    this.hash = hash;
  }

  public long getSeq() {
    return seq;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getOrganisation() {
    return organisation;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getDetail() {
    return detail;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getOwnerOrganisation() {
    return ownerOrganisation;
  }

  public String getRequestedUrl() {
    return requestedUrl;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }
}
