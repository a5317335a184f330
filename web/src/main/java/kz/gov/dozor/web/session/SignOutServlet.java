package kz.gov.dozor.web.session;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kz.gov.dozor.web.platform.CrossSite;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs out of the portal and of Keycloak: WildFly 39's OIDC client has no logout of its own, so we
 * end our session and send the browser to the realm's end-session endpoint, which comes back to the
 * portal (and so to the sign-in page).
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

  /** Signing out changes state, so it takes a POST from the portal's own pages. */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.sendRedirect(req.getContextPath() + "/");
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    if (CrossSite.isCrossSite(req)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String back =
        req.getScheme() + "://" + req.getServerName() + port(req) + req.getContextPath() + "/";
    String target = back;
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      OidcSecurityContext oidc = principal.getOidcSecurityContext();
      String issuer =
          oidc.getIDToken() != null ? oidc.getIDToken().getIssuer() : oidc.getToken().getIssuer();
      target =
          issuer
              + "/protocol/openid-connect/logout?post_logout_redirect_uri="
              + URLEncoder.encode(back, StandardCharsets.UTF_8)
              + (oidc.getIDTokenString() == null
                  ? ""
                  : "&id_token_hint="
                      + URLEncoder.encode(oidc.getIDTokenString(), StandardCharsets.UTF_8));
    }
    req.logout();
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    res.setHeader("Cache-Control", "no-store");
    res.sendRedirect(target);
  }

  private static String port(HttpServletRequest req) {
    int p = req.getServerPort();
    boolean standard =
        (p == 80 && "http".equals(req.getScheme()))
            || (p == 443 && "https".equals(req.getScheme()));
    return standard ? "" : ":" + p;
  }
}
