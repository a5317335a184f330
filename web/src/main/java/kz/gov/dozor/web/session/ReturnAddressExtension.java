package kz.gov.dozor.web.session;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;

/**
 * Notes the page a signed-out user asked for when the OIDC client sends them to Keycloak. The
 * sign-in itself comes back to the portal's root (a fixed callback, so that the realm can list one
 * exact redirect address); {@link SignInRecorder} then leads on to the noted page. This runs in
 * Undertow before the security handlers, where a servlet filter cannot.
 */
public class ReturnAddressExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo info, ServletContext context) {
    String contextPath = info.getContextPath();
    info.addOuterHandlerChainWrapper(
        next ->
            exchange -> {
              if (Methods.GET.equals(exchange.getRequestMethod())) {
                exchange.addResponseCommitListener(ex -> noteIfSentToSignIn(ex, contextPath));
              }
              next.handleRequest(exchange);
            });
  }

  private static void noteIfSentToSignIn(HttpServerExchange ex, String contextPath) {
    String location = ex.getResponseHeaders().getFirst(Headers.LOCATION);
    if (ex.getStatusCode() != 302
        || location == null
        || !location.contains("/protocol/openid-connect/auth?")) {
      return;
    }
    String value = ReturnAddress.encode(contextPath, ex.getRequestPath(), ex.getQueryString());
    if (value != null) {
      ex.setResponseCookie(
          new CookieImpl(ReturnAddress.COOKIE, value)
              .setPath(contextPath + "/")
              .setHttpOnly(true)
              .setSecure(ex.isSecure())
              .setSameSiteMode("Lax")
              .setMaxAge(ReturnAddress.MAX_AGE_SECONDS));
    }
  }
}
