package kz.gov.dozor.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
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

  @Test
  void tellsABearerTokenFromABrowserSession() {
    assertThat(SignInRecorder.carriesBearerToken(withAuthorization("Bearer eyJhbGciOi"))).isTrue();
    assertThat(SignInRecorder.carriesBearerToken(withAuthorization("bearer eyJhbGciOi"))).isTrue();
    assertThat(SignInRecorder.carriesBearerToken(withAuthorization(null))).isFalse();
    assertThat(SignInRecorder.carriesBearerToken(withAuthorization("Basic dXNlcjpwdw==")))
        .isFalse();
  }

  private static HttpServletRequest withAuthorization(String value) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") && "Authorization".equals(args[0])
                    ? value
                    : null);
  }
}
