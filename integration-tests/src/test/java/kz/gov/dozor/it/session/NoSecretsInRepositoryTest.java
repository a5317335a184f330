package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * The portal's client secret and Keycloak's admin password are not in the repository: the realm and
 * the server configuration take them from the environment, and the scripts generate them.
 */
class NoSecretsInRepositoryTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theRealmTakesEveryClientSecretFromTheEnvironment() throws IOException {
    Map<String, Object> realm =
        new Json()
            .toType(
                Files.readString(ROOT.resolve("wildfly-config/keycloak/dozor-realm.json")),
                Json.MAP_TYPE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
    for (Map<String, Object> client : clients) {
      Object secret = client.get("secret");
      if (secret != null) {
        assertEquals("${DOZOR_OIDC_CLIENT_SECRET}", secret, client.get("clientId").toString());
      }
    }
  }

  @Test
  void theServerHasNoDefaultClientSecret() throws IOException {
    String cli = Files.readString(ROOT.resolve("wildfly-config/cli/configure-server.cli"));
    Matcher credential =
        Pattern.compile("credential=secret:add\\(secret=\"([^\"]*)\"\\)").matcher(cli);

    assertTrue(credential.find(), "the OIDC client's credential");
    assertEquals("${env.DOZOR_OIDC_CLIENT_SECRET}", credential.group(1));
    assertFalse(cli.contains("dozor-portal-dev-secret"));
  }

  @Test
  void theScriptsGenerateKeycloaksAdminPasswordInsteadOfDefaultingIt() throws IOException {
    String common = Files.readString(ROOT.resolve("wildfly-config/bin/common.sh"));

    assertFalse(common.contains("DOZOR_KEYCLOAK_ADMIN_PASSWORD:="), "no default password");
    assertTrue(common.contains("DOZOR_KEYCLOAK_ADMIN_PASSWORD=%s"), "generated on the first run");
    assertTrue(
        Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(".dozor-data/"::equals),
        "where it is kept stays out of git");
  }
}
