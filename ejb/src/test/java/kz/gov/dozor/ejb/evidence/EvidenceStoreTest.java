package kz.gov.dozor.ejb.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceStoreTest {

  @Test
  void stripsUnixPath() {
    assertThat(EvidenceNames.clean("../../etc/shot.png")).isEqualTo("shot.png");
  }

  @Test
  void stripsWindowsPath() {
    assertThat(EvidenceNames.clean("C:\\Users\\me\\Desktop\\shot.png")).isEqualTo("shot.png");
  }

  @Test
  void removesControlCharacters() {
    assertThat(EvidenceNames.clean("sh\u0000ot\r\n\u007f.png")).isEqualTo("shot.png");
  }

  @Test
  void keepsNonAsciiNames() {
    assertThat(EvidenceNames.clean("скриншот қаз.png")).isEqualTo("скриншот қаз.png");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\u0000\t", "folder/", "C:\\folder\\"})
  void fallsBackToEvidenceWhenNothingIsLeft(String name) {
    assertThat(EvidenceNames.clean(name)).isEqualTo("evidence");
  }

  @Test
  void keepsTheEndOfOverlongNames() {
    // Arrange
    String name = "x".repeat(300) + ".png";

    // Act
    String cleaned = EvidenceNames.clean(name);

    // Assert
    assertThat(cleaned).hasSize(200).endsWith(".png");
  }
}
