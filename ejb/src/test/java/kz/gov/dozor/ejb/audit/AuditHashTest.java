package kz.gov.dozor.ejb.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  private static final Instant AT = Instant.parse("2026-11-22T08:00:00.123456Z");

  private static String hash(String prev, long seq, String actor, String detail) {
    return AuditHash.of(prev, seq, AT, actor, "afm", "SIGN_IN", "user", actor, detail, "10.0.0.1");
  }

  @Test
  void theSameEntryAlwaysHashesAlike() {
    assertThat(hash(AuditHash.GENESIS, 1, "aidana", null))
        .isEqualTo(hash(AuditHash.GENESIS, 1, "aidana", null))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void everyFieldAndThePreviousHashCount() {
    String base = hash(AuditHash.GENESIS, 1, "aidana", "x");
    assertThat(hash(AuditHash.GENESIS, 2, "aidana", "x")).isNotEqualTo(base);
    assertThat(hash(AuditHash.GENESIS, 1, "aidanA", "x")).isNotEqualTo(base);
    assertThat(hash(AuditHash.GENESIS, 1, "aidana", "y")).isNotEqualTo(base);
    assertThat(hash("1".repeat(64), 1, "aidana", "x")).isNotEqualTo(base);
    assertThat(
            AuditHash.of(
                AuditHash.GENESIS,
                1,
                AT.plusNanos(1000),
                "aidana",
                "afm",
                "SIGN_IN",
                "user",
                "aidana",
                "x",
                "10.0.0.1"))
        .isNotEqualTo(base);
  }

  @Test
  void fieldBoundariesAndMissingValuesCannotBeShuffled() {
    assertThat(AuditHash.of("p", 1, AT, "ab", "c", "A", null, null, null, null))
        .isNotEqualTo(AuditHash.of("p", 1, AT, "a", "bc", "A", null, null, null, null));
    assertThat(AuditHash.of("p", 1, AT, "a", null, "A", null, null, null, null))
        .isNotEqualTo(AuditHash.of("p", 1, AT, "a", "", "A", null, null, null, null));
  }
}
