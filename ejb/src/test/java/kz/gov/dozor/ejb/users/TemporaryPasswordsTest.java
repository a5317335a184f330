package kz.gov.dozor.ejb.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

  @Test
  void aTemporaryPasswordIsLongMixedAndWithoutLookAlikes() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String p = TemporaryPasswords.generate(random);
      assertThat(p).matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}");
      // The realm asks for at least 10 characters.
      assertThat(p.replace("-", "")).hasSizeGreaterThanOrEqualTo(10);
      assertThat(p).doesNotContainPattern("[0O1lI]");
      assertThat(p).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[2-9]");
      seen.add(p);
    }
    assertThat(seen).hasSize(200);
  }
}
