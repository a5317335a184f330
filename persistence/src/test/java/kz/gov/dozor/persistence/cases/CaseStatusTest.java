package kz.gov.dozor.persistence.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseStatusTest {

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"CRIMINAL_REFERRAL", "ADMINISTRATIVE_REFERRAL", "BLOCKING", "DISMISSED"})
  void registeredCaseCanMoveToADecision(CaseStatus decision) {
    assertThat(CaseStatus.REGISTERED.canMoveTo(decision)).isTrue();
  }

  @Test
  void registeredCaseOffersExactlyTheFourDecisions() {
    assertThat(CaseStatus.REGISTERED.next())
        .containsExactlyInAnyOrder(
            CaseStatus.CRIMINAL_REFERRAL,
            CaseStatus.ADMINISTRATIVE_REFERRAL,
            CaseStatus.BLOCKING,
            CaseStatus.DISMISSED);
  }

  @Test
  void registeredCaseCannotBeClosedWithoutADecision() {
    assertThat(CaseStatus.REGISTERED.canMoveTo(CaseStatus.CLOSED)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"CRIMINAL_REFERRAL", "ADMINISTRATIVE_REFERRAL", "BLOCKING", "DISMISSED"})
  void decidedCaseCanOnlyBeClosed(CaseStatus decided) {
    assertThat(decided.next()).containsExactly(CaseStatus.CLOSED);
    assertThat(decided.canMoveTo(CaseStatus.CLOSED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"CRIMINAL_REFERRAL", "ADMINISTRATIVE_REFERRAL", "BLOCKING", "DISMISSED"})
  void decidedCaseCannotSwitchToAnotherDecision(CaseStatus decided) {
    EnumSet<CaseStatus> others = EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));
    for (CaseStatus other : others) {
      assertThat(decided.canMoveTo(other)).as("%s -> %s", decided, other).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  void closedIsTerminal(CaseStatus target) {
    assertThat(CaseStatus.CLOSED.canMoveTo(target)).isFalse();
  }

  @Test
  void closedHasNoNextStatus() {
    assertThat(CaseStatus.CLOSED.next()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  void noStatusMovesToItselfOrBackToRegistered(CaseStatus status) {
    assertThat(status.canMoveTo(status)).isFalse();
    assertThat(status.canMoveTo(CaseStatus.REGISTERED)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  void everyStatusCanReachClosed(CaseStatus start) {
    // Arrange
    EnumSet<CaseStatus> reached = EnumSet.of(start);
    EnumSet<CaseStatus> frontier = EnumSet.of(start);

    // Act: walk the transition graph
    while (!frontier.isEmpty()) {
      EnumSet<CaseStatus> next = EnumSet.noneOf(CaseStatus.class);
      for (CaseStatus s : frontier) {
        for (CaseStatus n : s.next()) {
          if (reached.add(n)) {
            next.add(n);
          }
        }
      }
      frontier = next;
    }

    // Assert
    assertThat(reached).contains(CaseStatus.CLOSED);
  }

  @Test
  void nextReturnsAFreshSetCallersCannotCorrupt() {
    // Arrange
    CaseStatus.REGISTERED.next().add(CaseStatus.CLOSED);

    // Act
    boolean canClose = CaseStatus.REGISTERED.canMoveTo(CaseStatus.CLOSED);

    // Assert
    assertThat(canClose).isFalse();
  }
}
