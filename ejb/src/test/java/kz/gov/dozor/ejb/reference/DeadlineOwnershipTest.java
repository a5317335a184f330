package kz.gov.dozor.ejb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import kz.gov.dozor.persistence.reference.DeadlineStep;
import org.junit.jupiter.api.Test;

/** Each organisation keeps the deadlines of its own steps of the procedure. */
class DeadlineOwnershipTest {

  @Test
  void theAgencySignsOffAndAnswersTheMinistryDecides() {
    assertThat(DeadlineService.owns("afm", DeadlineStep.SIGN_OFF)).isTrue();
    assertThat(DeadlineService.owns("afm", DeadlineStep.AGENCY_ANSWER)).isTrue();
    assertThat(DeadlineService.owns("afm", DeadlineStep.MINISTRY_DECISION)).isFalse();
    assertThat(DeadlineService.owns("mci", DeadlineStep.MINISTRY_DECISION)).isTrue();
    assertThat(DeadlineService.owns("mci", DeadlineStep.SIGN_OFF)).isFalse();
    assertThat(DeadlineService.owns("mci", DeadlineStep.AGENCY_ANSWER)).isFalse();
    assertThat(DeadlineService.owns(null, DeadlineStep.SIGN_OFF)).isFalse();
    assertThat(DeadlineService.owns(null, DeadlineStep.MINISTRY_DECISION)).isFalse();
    assertThat(DeadlineService.ownerOf(DeadlineStep.MINISTRY_DECISION)).isEqualTo("ministry");
    assertThat(DeadlineService.ownerOf(DeadlineStep.SIGN_OFF)).isEqualTo("agency");
  }
}
