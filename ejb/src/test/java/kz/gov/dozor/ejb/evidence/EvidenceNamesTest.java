package kz.gov.dozor.ejb.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceNamesTest {

  @ParameterizedTest
  @CsvSource({
    "shot.exe, image/png, shot.png",
    "shot.png, image/png, shot.png",
    "shot.PNG, image/png, shot.PNG",
    "photo.jpeg, image/jpeg, photo.jpeg",
    "photo.png, image/jpeg, photo.jpg",
    "report, application/pdf, report.pdf",
    "report.pdf.exe, application/pdf, report.pdf.pdf",
    "screen.html, image/webp, screen.webp",
    ".png, image/png, evidence.png"
  })
  void givesTheExtensionOfTheDetectedType(String name, String type, String expected) {
    assertThat(EvidenceNames.of(name, type)).isEqualTo(expected);
  }

  @Test
  void removesDirectionControlsSoTheNameReadsAsItIs() {
    // "invoice\u202Egnp.exe" is shown as "invoiceexe.png"; it is an executable's name.
    assertThat(EvidenceNames.of("invoice\u202Egnp.exe", "image/png")).isEqualTo("invoicegnp.png");
    assertThat(EvidenceNames.of("\u2067скрин\u2069.png", "image/png")).isEqualTo("скрин.png");
  }

  @Test
  void keepsALongNameWithinTheLimitWithItsExtension() {
    // Arrange
    String name = "x".repeat(300) + ".exe";

    // Act
    String kept = EvidenceNames.of(name, "application/pdf");

    // Assert
    assertThat(kept).hasSize(EvidenceNames.MAX_LENGTH).endsWith("x.pdf");
  }
}
