package kz.gov.dozor.persistence.notices;

import java.util.EnumSet;
import java.util.Set;

/** Where a block notification is, and where it may go next: the rule lives here once. */
public enum NoticeStatus {
  /** Drafted by an investigator, waiting for a supervisor of the same organisation. */
  AWAITING_SIGN_OFF,
  /** Returned by the supervisor with comments; the investigator corrects and resubmits. */
  RETURNED_BY_SUPERVISOR,
  /** Signed off and sent to the ministry, which decides on each resource. */
  SENT,
  /** The ministry asked for more information on some resources; the agency answers. */
  INFO_REQUESTED,
  /** The ministry decided on every resource. */
  DECIDED;

  public Set<NoticeStatus> next() {
    return switch (this) {
      case AWAITING_SIGN_OFF -> EnumSet.of(SENT, RETURNED_BY_SUPERVISOR);
      case RETURNED_BY_SUPERVISOR -> EnumSet.of(AWAITING_SIGN_OFF);
      case SENT -> EnumSet.of(INFO_REQUESTED, DECIDED);
      case INFO_REQUESTED -> EnumSet.of(SENT);
      case DECIDED -> EnumSet.noneOf(NoticeStatus.class);
    };
  }

  public boolean canMoveTo(NoticeStatus target) {
    return next().contains(target);
  }

  /** The ministry sees a notification once it has been sent to it, never before. */
  public boolean visibleToMinistry() {
    return this == SENT || this == INFO_REQUESTED || this == DECIDED;
  }
}
