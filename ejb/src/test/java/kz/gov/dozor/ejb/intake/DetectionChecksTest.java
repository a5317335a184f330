package kz.gov.dozor.ejb.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import kz.gov.dozor.persistence.cases.Platform;
import org.junit.jupiter.api.Test;

class DetectionChecksTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Map<String, Boolean> CATEGORIES =
      Map.of("ILLEGAL_GAMBLING", true, "OLD_LOTTERY", false);

  static IncomingDetection report(String url, String platform, String category, BigDecimal score) {
    return new IncomingDetection(
        url, platform, category, NOW.minusSeconds(60), "crawler-1", "r-1", score, null, null, null);
  }

  static IncomingDetection withTexts(String source, String ref, String note, Instant at) {
    return new IncomingDetection(
        "https://x.example/", null, null, at, source, ref, null, note, null, null);
  }

  static DetectionChecks.Result check(IncomingDetection d) {
    return DetectionChecks.check(0, d, CATEGORIES, NOW);
  }

  static String problem(IncomingDetection d) {
    return check(d).rejection().problem();
  }

  @Test
  void acceptsAValidReportAndGuessesThePlatformFromTheHost() {
    DetectionChecks.Result r =
        check(report("HTTPS://T.me/casino?utm_source=x", null, "ILLEGAL_GAMBLING", null));
    assertThat(r.rejection()).isNull();
    assertThat(r.checked().urlNormalized()).isEqualTo("https://t.me/casino");
    assertThat(r.checked().platform()).isEqualTo(Platform.TELEGRAM);
  }

  @Test
  void refusesEachBadFieldWithItsOwnCode() {
    assertThat(problem(report("ftp://x.example/", null, null, null))).isEqualTo("invalid-url");
    assertThat(problem(report("https://x.example/", "MYSPACE", null, null)))
        .isEqualTo("unknown-platform");
    assertThat(problem(report("https://x.example/", null, "NOPE", null)))
        .isEqualTo("unknown-category");
    assertThat(problem(report("https://x.example/", null, "OLD_LOTTERY", null)))
        .isEqualTo("retired-category");
    assertThat(problem(report("https://x.example/", null, null, new BigDecimal("1.01"))))
        .isEqualTo("invalid-score");
    assertThat(problem(withTexts("s", "r", null, NOW.plusSeconds(3600))))
        .isEqualTo("future-detection");
    assertThat(problem(withTexts(" ", "r", null, null))).isEqualTo("missing-source");
    assertThat(problem(withTexts("s", null, null, null))).isEqualTo("missing-source-ref");
    IncomingDetection longNote = withTexts("s", "r", "n".repeat(4001), null);
    assertThat(problem(longNote)).isEqualTo("note-too-long");
    assertThat(check(longNote).rejection().detail()).contains("4000");
  }

  @Test
  void aReportWithoutATimeWasSeenWhenReceivedAndAScoreKeepsFourDecimals() {
    IncomingDetection d =
        new IncomingDetection(
            "https://x.example/",
            null,
            null,
            null,
            "s",
            "r",
            new BigDecimal("0.123456"),
            null,
            null,
            null);
    DetectionChecks.Checked c = check(d).checked();
    assertThat(c.detectedAt()).isEqualTo(NOW);
    assertThat(c.score()).isEqualByComparingTo("0.1235");
  }

  @Test
  void aGlobMatchesTheWholeNormalisedUrlAndTakesOtherCharactersLiterally() {
    assertThat(matches("https://*.example/promo?", "https://a.b.example/promo1")).isTrue();
    assertThat(matches("https://x.example/a.b", "https://x.example/aXb")).isFalse();
    assertThat(matches("https://x.example/*", "http://x.example/a")).isFalse();
  }

  private static boolean matches(String glob, String url) {
    return SuppressionRules.glob(glob).matcher(url).matches();
  }
}
