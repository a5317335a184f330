package kz.gov.dozor.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInRecorderTest {

  @Test
  void readsTheAliasFromKeycloaksListClaim() {
    assertThat(SignInRecorder.organisationOf(List.of("afm"))).isEqualTo("afm");
  }

  @Test
  void readsTheAliasFromTheMapFormWithAttributes() {
    assertThat(SignInRecorder.organisationOf(Map.of("mci", Map.of("id", "x")))).isEqualTo("mci");
  }

  @Test
  void aUserInNoOrganisationOrInSeveralHasNone() {
    assertThat(SignInRecorder.organisationOf(null)).isNull();
    assertThat(SignInRecorder.organisationOf(List.of())).isNull();
    assertThat(SignInRecorder.organisationOf(List.of("afm", "mci"))).isNull();
  }
}
