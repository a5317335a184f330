package kz.gov.dozor.persistence.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An e-mail waiting to go out. Written in the transaction of the hand-over it announces (so a
 * rolled-back hand-over sends nothing), sent after it commits, and tried again until it goes.
 */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
  @SequenceGenerator(
      name = "mail_outbox_seq",
      sequenceName = "mail_outbox_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error")
  private String lastError;

  protected OutgoingMail() {}

  public OutgoingMail(String recipient, String subject, String body, Instant createdAt) {
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
  }

  public void sent(Instant at) {
    attempts++;
    sentAt = at;
    lastError = null;
  }

  /** A failed attempt: try again later, waiting longer each time (at most an hour). */
  public void failed(String error, Instant at) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
    long minutes = Math.min(60, 1L << Math.min(attempts, 6));
    nextAttemptAt = at.plus(Duration.ofMinutes(minutes));
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }
}
