package kz.gov.dozor.ejb.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationNumberTest {

  @Test
  void formatsOrganisationYearAndZeroPaddedSequence() {
    // Arrange
    RegistrationNumber number = new RegistrationNumber("AFM", 2026, 1);

    // Act
    String text = number.toString();

    // Assert
    assertThat(text).isEqualTo("AFM-2026-000001");
  }

  @Test
  void upperCasesOrganisation() {
    RegistrationNumber number = new RegistrationNumber("afm", 2026, 42);

    assertThat(number.organisation()).isEqualTo("AFM");
    assertThat(number).hasToString("AFM-2026-000042");
  }

  @Test
  void widensSequencePastSixDigits() {
    assertThat(new RegistrationNumber("AFM", 2026, 999_999)).hasToString("AFM-2026-999999");
    assertThat(new RegistrationNumber("AFM", 2026, 1_000_000)).hasToString("AFM-2026-1000000");
  }

  @Test
  void parsesWhatItFormats() {
    // Arrange
    RegistrationNumber number = new RegistrationNumber("Mincult2", 2031, 123);

    // Act
    RegistrationNumber parsed = RegistrationNumber.parse(number.toString());

    // Assert
    assertThat(parsed).isEqualTo(number);
    assertThat(parsed.organisation()).isEqualTo("MINCULT2");
    assertThat(parsed.year()).isEqualTo(2031);
    assertThat(parsed.sequence()).isEqualTo(123);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AFM-2026-000001", "KNB-2000-999999", "AFM-2026-1234567"})
  void roundTripsThroughText(String text) {
    assertThat(RegistrationNumber.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "garbage",
        "AFM-2026-1",
        "AFM-26-000001",
        "afm-2026-000001",
        "AFM 2026 000001",
        "AFM-2026-000001 ",
        "-2026-000001",
        "1AFM-2026-000001",
        "AFM-2026-00000A"
      })
  void refusesToParseGarbage(String text) {
    assertThatThrownBy(() -> RegistrationNumber.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToParseSequenceZero() {
    assertThatThrownBy(() -> RegistrationNumber.parse("AFM-2026-000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence");
  }

  @Test
  void refusesSequenceZeroOrNegative() {
    assertThatThrownBy(() -> new RegistrationNumber("AFM", 2026, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegistrationNumber("AFM", 2026, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "A-F", "1AFM", "АФМ", "AF M", "AFM_1"})
  void refusesBadOrganisation(String organisation) {
    assertThatThrownBy(() -> new RegistrationNumber(organisation, 2026, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("organisation");
  }

  @ParameterizedTest
  @ValueSource(ints = {1999, 10000, 0, -2026})
  void refusesYearOutOfRange(int year) {
    assertThatThrownBy(() -> new RegistrationNumber("AFM", year, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year");
  }
}
