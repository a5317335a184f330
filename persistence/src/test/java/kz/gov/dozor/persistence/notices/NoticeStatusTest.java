package kz.gov.dozor.persistence.notices;

import static kz.gov.dozor.persistence.notices.NoticeStatus.AWAITING_SIGN_OFF;
import static kz.gov.dozor.persistence.notices.NoticeStatus.DECIDED;
import static kz.gov.dozor.persistence.notices.NoticeStatus.INFO_REQUESTED;
import static kz.gov.dozor.persistence.notices.NoticeStatus.RETURNED_BY_SUPERVISOR;
import static kz.gov.dozor.persistence.notices.NoticeStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeStatusTest {

  /** The whole procedure of a notification, written out once more by hand. */
  private static final Map<NoticeStatus, Set<NoticeStatus>> ALLOWED =
      Map.of(
          AWAITING_SIGN_OFF, EnumSet.of(SENT, RETURNED_BY_SUPERVISOR),
          RETURNED_BY_SUPERVISOR, EnumSet.of(AWAITING_SIGN_OFF),
          SENT, EnumSet.of(INFO_REQUESTED, DECIDED),
          INFO_REQUESTED, EnumSet.of(SENT),
          DECIDED, EnumSet.noneOf(NoticeStatus.class));

  @ParameterizedTest
  @EnumSource(NoticeStatus.class)
  void everyTransitionIsAllowedExactlyWhenTheProcedureSaysSo(NoticeStatus from) {
    for (NoticeStatus to : NoticeStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(ALLOWED.get(from).contains(to));
    }
  }

  @Test
  void theMinistrySeesANotificationOnlyOnceSent() {
    assertThat(EnumSet.allOf(NoticeStatus.class).stream().filter(NoticeStatus::visibleToMinistry))
        .containsExactlyInAnyOrder(SENT, INFO_REQUESTED, DECIDED);
  }

  @Test
  void aDecidedNotificationIsFinal() {
    assertThat(DECIDED.next()).isEmpty();
  }
}
