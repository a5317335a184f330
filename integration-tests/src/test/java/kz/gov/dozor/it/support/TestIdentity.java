package kz.gov.dozor.it.support;

import java.util.Set;
import java.util.concurrent.Callable;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Runs code inside the server as a given user with given roles, the way a signed-in user's calls
 * reach the services (in production the identity comes from Keycloak's token).
 */
public final class TestIdentity {

  private TestIdentity() {}

  public static <T> T callAs(String user, Set<String> roles, Callable<T> action) throws Exception {
    SecurityDomain domain = SecurityDomain.getCurrent();
    if (domain == null) {
      throw new IllegalStateException("no Elytron security domain for this deployment");
    }
    SecurityIdentity identity =
        domain
            .createAdHocIdentity(user)
            .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)));
    return identity.runAs(action);
  }

  /** A user who has signed in before: the directory knows their organisation. */
  public record User(String username, String organisation, Set<String> roles) {

    public <T> T call(Callable<T> action) throws Exception {
      return callAs(username, roles, action);
    }

    public void run(ThrowingRunnable action) throws Exception {
      callAs(
          username,
          roles,
          () -> {
            action.run();
            return null;
          });
    }
  }

  /** A piece of test code that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
