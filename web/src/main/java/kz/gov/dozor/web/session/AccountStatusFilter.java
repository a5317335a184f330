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
import java.time.Instant;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.users.UserDirectory;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Ends a signed-in browser session as soon as its account is disabled or signed out everywhere by
 * an administrator: the portal keeps the OIDC tokens in the HTTP session, which would otherwise
 * live on until the access token next needs refreshing. The account's state is read from the
 * database on each request, so this holds on every node of a cluster. The browser is sent to the
 * portal's root, and from there to Keycloak's sign-in.
 */
@WebFilter(filterName = "accountStatus", urlPatterns = "/*")
public class AccountStatusFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(AccountStatusFilter.class.getName());

  @Inject private UserDirectory users;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    // A session's first request comes straight from Keycloak's sign-in (SignInRecorder notes it):
    // the sign-in itself shows the account is enabled. The page's scripts and styles are left to
    // load (they hold nothing of anyone's): the next page or action ends the session.
    if (session != null
        && !isResource(req)
        && req.getUserPrincipal() instanceof OidcPrincipal<?> principal
        && session.getAttribute(SignInRecorder.RECORDED) != null
        && !users.admitsSession(
            principal.getName(), Instant.ofEpochMilli(session.getCreationTime()))) {
      LOG.info(
          () -> "session of " + principal.getName() + " ended: account disabled or signed out");
      req.logout();
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalidated) {
        // the logout ended it already
      }
      sendToSignIn(req, res);
      return;
    }
    chain.doFilter(req, res);
  }

  /** The framework's scripts, styles and fonts of the pages. */
  static boolean isResource(HttpServletRequest req) {
    return req.getRequestURI().startsWith(req.getContextPath() + "/jakarta.faces.resource/");
  }

  /**
   * To the portal's root, which leads to the sign-in; an Ajax request is told to go there. A
   * request a page makes for a file (an evidence thumbnail, a download) gets no page but a 401: a
   * redirect would send it to Keycloak's sign-in, which a page may not load.
   */
  static void sendToSignIn(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String root = req.getContextPath() + "/";
    res.setHeader("Cache-Control", "no-store");
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      res.setContentType("text/xml;charset=UTF-8");
      res.getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + root
                  + "\"></redirect></partial-response>");
      return;
    }
    String dest = req.getHeader("Sec-Fetch-Dest");
    if (dest != null && !"document".equals(dest)) {
      res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    res.sendRedirect(root);
  }
}
