package kz.gov.dozor.persistence.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NoticeEventTest {

  @Test
  void onlyTheAgencysReviewBeforeSendingIsInternal() {
    assertThat(Arrays.stream(NoticeEvent.Type.values()).filter(NoticeEvent.Type::isInternal))
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.of(NoticeEvent.Type.SUBMITTED, NoticeEvent.Type.RETURNED_BY_SUPERVISOR));
  }

  @Test
  void theMinistryReceivesANotificationOnceAndLaterRoundsKeepThatDay() {
    BlockNotice n = new BlockNotice();
    Instant first = Instant.parse("2026-11-30T05:00:00Z");
    assertThat(n.getReceivedAt()).isNull();
    n.sent("AFM-N-2026-000001", first);
    n.nextRound(first.plusSeconds(3600));
    n.sent(null, first.plusSeconds(7200));
    assertThat(n.getReceivedAt()).isEqualTo(first);
    assertThat(n.getSentAt()).isEqualTo(first.plusSeconds(7200));
    assertThat(n.getOutgoingNumber()).isEqualTo("AFM-N-2026-000001");
  }
}
