package kz.gov.dozor.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
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
 * organisation. Only interactive sign-ins count: a request carrying a bearer token gets no session,
 * no sign-in entry, and no page.
 */
@WebFilter(filterName = "signInRecorder", urlPatterns = "/*")
public class SignInRecorder extends HttpFilter {

  static final String RECORDED = SignInRecorder.class.getName() + ".recorded";

  private static final Logger LOG = Logger.getLogger(SignInRecorder.class.getName());

  @Inject private UserDirectory users;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
      // The intake API: programs with bearer tokens, let in or refused by its own door
      // (platform/ApiDoor); never a sign-in.
      chain.doFilter(req, res);
      return;
    }
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      if (carriesBearerToken(req)) {
        // A token sent by a program, not a person signing in: the pages keep their state in a
        // session, so they are for interactive sign-ins only. No session, no sign-in recorded.
        refuseBearer(res);
        return;
      }
      HttpSession session = req.getSession();
      if (session.getAttribute(RECORDED) == null) {
        JsonWebToken token = principal.getOidcSecurityContext().getToken();
        String organisation = organisationOf(token.getClaimValue("organization"));
        users.recordSignIn(
            token.getSubject(),
            token.getName(),
            token.getEmail(),
            organisation,
            rolesOf(req),
            req.getRemoteAddr());
        session.setAttribute(RECORDED, Boolean.TRUE);
        LOG.info(() -> "sign-in of " + principal.getName() + " (" + organisation + ")");
        String back = returnAddress(req, res);
        if (back != null) {
          res.sendRedirect(back);
          return;
        }
      }
    }
    chain.doFilter(req, res);
  }

  /**
   * Whether the request authenticates itself with an {@code Authorization: Bearer} token (the OIDC
   * client accepts one on any request) rather than through the signed-in browser session.
   */
  static boolean carriesBearerToken(HttpServletRequest req) {
    String authorization = req.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static void refuseBearer(HttpServletResponse res) throws IOException {
    res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    res.setHeader(
        "WWW-Authenticate",
        "Bearer error=\"invalid_request\","
            + " error_description=\"the portal's pages need an interactive sign-in\"");
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/plain;charset=UTF-8");
    res.getWriter()
        .write("The portal's pages need an interactive sign-in; bearer tokens are not accepted.\n");
  }

  /**
   * The page the user asked for before signing in (noted by {@link ReturnAddressExtension}), once:
   * the note is removed as it is read.
   */
  private static String returnAddress(HttpServletRequest req, HttpServletResponse res) {
    if (req.getCookies() == null || !"GET".equals(req.getMethod())) {
      return null;
    }
    for (Cookie cookie : req.getCookies()) {
      if (ReturnAddress.COOKIE.equals(cookie.getName())) {
        Cookie gone = new Cookie(ReturnAddress.COOKIE, "");
        gone.setPath(req.getContextPath() + "/");
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        gone.setSecure(req.isSecure());
        res.addCookie(gone);
        return ReturnAddress.decode(req.getContextPath(), cookie.getValue());
      }
    }
    return null;
  }

  /** The portal's roles the user holds, as ",a,b," so that one can be found with LIKE. */
  static String rolesOf(HttpServletRequest req) {
    StringBuilder roles = new StringBuilder(",");
    for (String role : Roles.PORTAL) {
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
