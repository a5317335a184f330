package kz.gov.dozor.persistence.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message in a user's in-portal inbox: what happened, and where to act. It is kept as a message
 * key and parameters, so that each reader sees it in the language of the page they read it on.
 */
@Entity
@Table(name = "portal_notification")
public class PortalNotification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_notification_seq")
  @SequenceGenerator(
      name = "portal_notification_seq",
      sequenceName = "portal_notification_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String recipient;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "message_key", nullable = false)
  private String messageKey;

  /** The message's parameters, a JSON array of strings, in the order the text names them. */
  @Column(nullable = false)
  private String parameters;

  private String link;

  @Column(name = "read_at")
  private Instant readAt;

  protected PortalNotification() {}

  public PortalNotification(
      String recipient, Instant createdAt, String messageKey, String parameters, String link) {
    this.recipient = recipient;
    this.createdAt = createdAt;
    this.messageKey = messageKey;
    this.parameters = parameters;
    this.link = link;
  }

  public void read(Instant at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getMessageKey() {
    return messageKey;
  }

  public String getParameters() {
    return parameters;
  }

  public String getLink() {
    return link;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
