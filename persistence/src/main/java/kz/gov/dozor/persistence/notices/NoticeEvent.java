package kz.gov.dozor.persistence.notices;

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

/** One hand-over or decision in a notification's history, in the round it happened. */
@Entity
@Table(name = "notice_event")
public class NoticeEvent {

  /**
   * Between the resource and what was said of it in the detail of an event about one resource
   * (decided, lifted): the case page reads the detail back by this separator.
   */
  public static final String RESOURCE_SEPARATOR = " · ";

  /** The detail of an event about one resource: its normalised URL, then what was said. */
  public static String aboutResource(String urlNormalized, String text) {
    return urlNormalized + RESOURCE_SEPARATOR + text;
  }

  /** The detail of an event about many resources decided at once: how many, then what was said. */
  public static String aboutResources(int count, String text) {
    return count + RESOURCE_SEPARATOR + text;
  }

  /** What happened. */
  public enum Type {
    SUBMITTED,
    RETURNED_BY_SUPERVISOR,
    SIGNED_OFF_AND_SENT,
    RESOURCE_BLOCKED,
    RESOURCE_REFUSED,
    RESOURCE_RETURNED,
    INFO_REQUESTED,
    ANSWERED_AND_RESENT,
    DECIDED,
    BLOCK_LIFTED,
    /** One decision on many resources at once (the detail: how many, then what was said). */
    RESOURCES_BLOCKED,
    RESOURCES_REFUSED,
    RESOURCES_RETURNED,
    /** A block's decision number or date corrected in the registry (the detail: old → new). */
    BLOCK_CORRECTED;

    /**
     * The agency's internal review before a notification leaves it: the ministry never sees these
     * steps, only the notification from its sending onward.
     */
    public boolean isInternal() {
      return this == SUBMITTED || this == RETURNED_BY_SUPERVISOR;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_event_seq")
  @SequenceGenerator(
      name = "notice_event_seq",
      sequenceName = "notice_event_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "notice_id")
  private BlockNotice notice;

  @Column(nullable = false)
  private int round;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Type type;

  private String detail;

  protected NoticeEvent() {}

  public NoticeEvent(
      BlockNotice notice, Instant at, String actor, String organisation, Type type, String detail) {
    this.notice = notice;
    this.round = notice.getRound();
    this.occurredAt = at;
    this.actor = actor;
    this.organisation = organisation;
    this.type = type;
    this.detail = detail;
  }

  public int getRound() {
    return round;
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

  public Type getType() {
    return type;
  }

  public String getDetail() {
    return detail;
  }
}
