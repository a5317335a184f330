package kz.gov.dozor.ejb.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

  @Test
  void typedWildcardsMatchThemselves() {
    assertThat(Like.contains("  Casino_50%!  ")).isEqualTo("%casino!_50!%!!%");
  }
}
