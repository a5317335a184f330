package kz.gov.dozor.it.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's copy of the directory follows changes made in Keycloak itself (its console or admin
 * API): the periodic sync finds a new member of an organisation who has never signed in, then their
 * account disabled, then removed from the organisation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectorySyncIT {

  /** Three turns of the test server's sync. */
  private static final Duration AT_MOST =
      Duration.ofSeconds(3 * Long.getLong("test.directory.sync.seconds", 15) + 10);

  private final TestData db = ClientDatabase.open();

  @Test
  void theSyncPicksUpAnAccountMadeInKeycloakAndItsLaterChanges() throws Exception {
    String username = "it-sync-" + UUID.randomUUID().toString().substring(0, 8);
    String id = KeycloakAdmin.createUser(username, "Sync-test-passw0rd", "afm", "supervisor");
    try {
      assertEquals(
          List.of(id, "Test " + username, username + "@afm.gov.kz", "afm", ",supervisor,", true),
          waitFor(username, row -> row != null && Boolean.TRUE.equals(row.get(5))));
      assertEquals(
          null,
          db.single("select last_sign_in_at from portal_user where username = ?", username),
          "known before any sign-in");

      KeycloakAdmin.admin("PUT", "/users/" + id, Map.of("enabled", false));
      assertEquals(false, waitFor(username, row -> Boolean.FALSE.equals(row.get(5))).get(5));

      KeycloakAdmin.admin("PUT", "/users/" + id, Map.of("enabled", true));
      assertEquals(true, waitFor(username, row -> Boolean.TRUE.equals(row.get(5))).get(5));

      // Removed from its organisation: no organisation lists it, so it receives no work.
      String org =
          KeycloakAdmin.admin("GET", "/organizations?search=afm", null).list().stream()
              .filter(o -> "afm".equals(o.get("alias")))
              .map(o -> (String) o.get("id"))
              .findFirst()
              .orElseThrow();
      KeycloakAdmin.admin("DELETE", "/organizations/" + org + "/members/" + id, null);
      assertEquals(false, waitFor(username, row -> Boolean.FALSE.equals(row.get(5))).get(5));
    } finally {
      KeycloakAdmin.deleteUser(id);
    }
  }

  /** The user's row once {@code done} holds for it, read every second. */
  private List<Object> waitFor(String username, java.util.function.Predicate<List<Object>> done)
      throws Exception {
    long until = System.nanoTime() + AT_MOST.toNanos();
    List<Object> row = null;
    while (System.nanoTime() < until) {
      List<List<Object>> rows =
          db.rows(
              "select keycloak_id, full_name, email, organisation, roles, enabled"
                  + " from portal_user where username = ?",
              username);
      row = rows.isEmpty() ? null : rows.get(0);
      if (row != null && done.test(row)) {
        return row;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not synced within " + AT_MOST + ": " + row);
  }
}
