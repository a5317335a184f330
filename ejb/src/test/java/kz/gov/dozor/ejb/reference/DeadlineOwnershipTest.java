package kz.gov.dozor.ejb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kz.gov.dozor.ejb.deadlines.Deadlines.Step;
import org.junit.jupiter.api.Test;

/** Each organisation keeps the deadlines of its own steps of the procedure. */
class DeadlineOwnershipTest {

  @Test
  void theAgencySignsOffAndAnswersTheMinistryDecides() {
    assertThat(ReferenceDataService.owns("afm", Step.SIGN_OFF)).isTrue();
    assertThat(ReferenceDataService.owns("afm", Step.AGENCY_ANSWER)).isTrue();
    assertThat(ReferenceDataService.owns("afm", Step.MINISTRY_DECISION)).isFalse();
    assertThat(ReferenceDataService.owns("mci", Step.MINISTRY_DECISION)).isTrue();
    assertThat(ReferenceDataService.owns("mci", Step.SIGN_OFF)).isFalse();
    assertThat(ReferenceDataService.owns("mci", Step.AGENCY_ANSWER)).isFalse();
    assertThat(ReferenceDataService.owns(null, Step.SIGN_OFF)).isFalse();
    assertThat(ReferenceDataService.owns(null, Step.MINISTRY_DECISION)).isFalse();
  }

  @Test
  void aChangeReadsFromTheAuditDetail() {
    Instant at = Instant.parse("2026-11-30T07:00:00Z");
    DeadlineChangeView c =
        DeadlineChangeView.of(at, "SIGN_OFF", "1 working days -> 3 calendar days", "Admin", "afm");
    assertThat(c.fromDays()).isEqualTo(1);
    assertThat(c.fromWorkingDays()).isTrue();
    assertThat(c.toDays()).isEqualTo(3);
    assertThat(c.toWorkingDays()).isFalse();
    DeadlineChangeView old = DeadlineChangeView.of(at, "SIGN_OFF", "3 working days", "A", "afm");
    assertThat(old.fromDays()).isNull();
    assertThat(old.toDays()).isEqualTo(3);
    assertThat(old.toWorkingDays()).isTrue();
  }
}
