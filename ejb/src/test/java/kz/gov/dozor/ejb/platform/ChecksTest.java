package kz.gov.dozor.ejb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  /** Each direction control the checks know, inside otherwise ordinary text. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200E", "\u200F", "\u061C"
      })
  void refusesFreeTextWithDirectionControls(String control) {
    // Arrange
    List<Problem> problems = new ArrayList<>();

    // Act
    Checks.required("comment", "Решение " + control + "№ 15", 100, problems);

    // Assert
    assertThat(problems).extracting(Problem::messageKey).containsExactly("text.bidiControls");
    assertThat(problems).extracting(Problem::field).containsExactly("comment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Решение № 15 от 01.12.2026", "Шешім қабылданды", "A plain answer."})
  void acceptsOrdinaryTextInEveryLanguage(String text) {
    List<Problem> problems = new ArrayList<>();

    Checks.maxLength("comment", text, 100, problems);

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"invoice\u202Egnp.exe", "invoice\u2067gnp.exe\u2069", "\u200Finvoicegnp.exe"})
  void removesDirectionControlsFromNames(String name) {
    assertThat(Checks.withoutBidiControls(name)).isEqualTo("invoicegnp.exe");
  }
}
