package kz.gov.dozor.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * On the first request of a signed-in session, records who signed in as the identity provider's
 * token describes them (name, e-mail, organisation), so every service agrees on the caller's
 * organisation.
 */
@WebFilter(filterName = "signInRecorder", urlPatterns = "/*")
public class SignInRecorder extends HttpFilter {

  static final String RECORDED = SignInRecorder.class.getName() + ".recorded";

  private static final Logger LOG = Logger.getLogger(SignInRecorder.class.getName());

  @Inject private UserDirectory users;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      HttpSession session = req.getSession();
      if (session.getAttribute(RECORDED) == null) {
        JsonWebToken token = principal.getOidcSecurityContext().getToken();
        String organisation = organisationOf(token.getClaimValue("organization"));
        users.recordSignIn(
            token.getName(), token.getEmail(), organisation, rolesOf(req), req.getRemoteAddr());
        session.setAttribute(RECORDED, Boolean.TRUE);
        LOG.info(() -> "sign-in of " + principal.getName() + " (" + organisation + ")");
      }
    }
    chain.doFilter(req, res);
  }

  /** The portal's roles the user holds, as ",a,b," so that one can be found with LIKE. */
  static String rolesOf(HttpServletRequest req) {
    StringBuilder roles = new StringBuilder(",");
    for (String role : List.of(Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN)) {
      if (req.isUserInRole(role)) {
        roles.append(role).append(',');
      }
    }
    return roles.toString();
  }

  /**
   * The organisation alias from Keycloak's {@code organization} claim: a list of aliases, or a map
   * keyed by alias when attributes are included. A user must belong to exactly one.
   */
  static String organisationOf(Object claim) {
    Collection<?> aliases;
    if (claim == null) {
      aliases = List.of();
    } else if (claim instanceof Collection<?> c) {
      aliases = c;
    } else if (claim instanceof Map<?, ?> m) {
      aliases = m.keySet();
    } else {
      aliases = List.of(claim);
    }
    return aliases.size() == 1 ? String.valueOf(aliases.iterator().next()) : null;
  }
}
