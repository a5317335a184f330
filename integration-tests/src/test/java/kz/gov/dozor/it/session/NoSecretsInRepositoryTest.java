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
 * The portal's client secrets and Keycloak's admin password are not in the repository: the realm
 * and the server configuration take them from the environment, and the scripts generate them.
 */
class NoSecretsInRepositoryTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Each confidential client's secret, and the variable the realm's import takes it from. */
  private static final Map<String, String> SECRETS =
      Map.of(
          "dozor-portal", "${DOZOR_OIDC_CLIENT_SECRET}",
          "dozor-directory", "${DOZOR_DIRECTORY_CLIENT_SECRET}",
          "dozor-monitoring-demo", "${DOZOR_DETECTOR_CLIENT_SECRET}",
          "dozor-provider-demo", "${DOZOR_PROVIDER_CLIENT_SECRET}");

  @Test
  void theRealmTakesEveryClientSecretFromTheEnvironment() throws IOException {
    Map<String, Object> realm =
        new Json()
            .toType(
                Files.readString(ROOT.resolve("wildfly-config/keycloak/dozor-realm.json")),
                Json.MAP_TYPE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
    int withSecret = 0;
    for (Map<String, Object> client : clients) {
      Object secret = client.get("secret");
      if (secret != null) {
        String clientId = client.get("clientId").toString();
        assertEquals(SECRETS.get(clientId), secret, clientId);
        withSecret++;
      }
    }
    assertEquals(SECRETS.size(), withSecret, "every confidential client of the realm");
  }

  @Test
  void theScriptsGenerateTheDirectoryClientsSecretAndGiveItToTheServerAndTheRealm()
      throws IOException {
    String common = Files.readString(ROOT.resolve("wildfly-config/bin/common.sh"));
    String keycloak = Files.readString(ROOT.resolve("wildfly-config/bin/keycloak.sh"));

    assertTrue(generated(common).contains("DOZOR_DIRECTORY_CLIENT_SECRET"), "generated");
    assertFalse(common.contains("DOZOR_DIRECTORY_CLIENT_SECRET:="), "no default secret");
    assertTrue(
        keycloak.contains("$DOZOR_DIRECTORY_CLIENT_SECRET $DOZOR_PUBLIC_URL"),
        "a new secret makes Keycloak import the realm afresh");
    // The demo monitoring client's secret likewise.
    assertTrue(generated(common).contains("DOZOR_DETECTOR_CLIENT_SECRET"), "generated");
    assertFalse(common.contains("DOZOR_DETECTOR_CLIENT_SECRET:="), "no default secret");
    assertTrue(
        keycloak.contains("$DOZOR_KEYCLOAK_ADMIN_PASSWORD $DOZOR_DETECTOR_CLIENT_SECRET "),
        "a new detector secret makes Keycloak import the realm afresh");
    // And the demo provider's.
    assertTrue(generated(common).contains("DOZOR_PROVIDER_CLIENT_SECRET"), "generated");
    assertFalse(common.contains("DOZOR_PROVIDER_CLIENT_SECRET:="), "no default secret");
    assertTrue(
        keycloak.contains("$DOZOR_DETECTOR_CLIENT_SECRET $DOZOR_PROVIDER_CLIENT_SECRET\""),
        "a new provider secret makes Keycloak import the realm afresh");
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
    assertTrue(generated(common).contains("DOZOR_KEYCLOAK_ADMIN_PASSWORD"), "generated");
    assertTrue(
        Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(".dozor-data/"::equals),
        "where it is kept stays out of git");
  }

  /** The secrets common.sh generates into the secrets file when the environment lacks them. */
  private static List<String> generated(String common) {
    Matcher m = Pattern.compile("(?m)^SECRETS=\"([^\"]*)\"$").matcher(common);
    assertTrue(m.find(), "common.sh lists the secrets it generates");
    assertTrue(common.contains("for name in $SECRETS"), "and generates each");
    return List.of(m.group(1).split(" "));
  }
}
