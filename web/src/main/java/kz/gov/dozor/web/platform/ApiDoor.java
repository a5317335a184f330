package kz.gov.dozor.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.intake.Delivery;
import kz.gov.dozor.ejb.registry.ProviderRef;
import kz.gov.dozor.ejb.registry.Providers;
import kz.gov.dozor.ejb.registry.RegistryVersions;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.web.registry.RegistryConditions;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * The door of the APIs. The portal's OIDC client checks a bearer token (signature, issuer, expiry,
 * audience: the portal's client) on any request; here an API takes only what its clients send: a
 * bearer token (never a cookie: a browser session does not authenticate an API call) of a
 * confidential client's own service account (client credentials, not a person). The registry API
 * ({@code /api/v1/registry}) takes providers' clients only (realm role {@code provider}, the client
 * registered as the provider its tokens name); every other API takes monitoring systems only (realm
 * role {@code detector}, bound to an agency). Refusals are problem documents, never a redirect to
 * the sign-in page, and no request here ever gets an HTTP session.
 */
@WebFilter(filterName = "apiDoor", urlPatterns = "/api/*")
public class ApiDoor extends HttpFilter {

  /** The request attribute holding a detector's {@link Delivery}. */
  public static final String DELIVERY = ApiDoor.class.getName() + ".delivery";

  /** The request attribute holding a provider's {@link ProviderRef}. */
  public static final String PROVIDER = ApiDoor.class.getName() + ".provider";

  private static final String REGISTRY = "/api/v1/registry";

  private static final Logger LOG = Logger.getLogger(ApiDoor.class.getName());

  @Inject private Providers providers;
  @Inject private RegistryVersions versions;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Problem refused = refusal(req, providers);
    if (refused != null) {
      LOG.info(
          () ->
              "API refused " + req.getMethod() + " " + req.getRequestURI() + ": " + refused.code());
      refused.send(res);
      return;
    }
    if (req.getAttribute(PROVIDER) != null
        && REGISTRY.equals(req.getRequestURI().substring(req.getContextPath().length()))
        && RegistryConditions.answer(req, res, versions::current)) {
      return;
    }
    chain.doFilter(new Sessionless(req), res);
  }

  /** Why the request may not use the API, or null with its caller noted on the request. */
  static Problem refusal(HttpServletRequest req, Providers providers) {
    if (req.getHeader("Cookie") != null) {
      return new Problem(
          401,
          "cookie-not-accepted",
          "Cookies are not accepted",
          "The API authenticates with a bearer token only; send no cookies.");
    }
    String authorization = req.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Problem(
          401,
          "missing-token",
          "A bearer token is needed",
          "Get a token from Keycloak with your client's credentials (client_credentials grant)"
              + " and send it as Authorization: Bearer <token>.");
    }
    String sent = authorization.substring(7).strip();
    if (!(req.getUserPrincipal() instanceof OidcPrincipal<?> principal)
        || principal.getOidcSecurityContext() == null
        || !sent.equals(principal.getOidcSecurityContext().getTokenString())) {
      // The OIDC client did not accept the token (bad signature, expired, another audience).
      return new Problem(
          401,
          "invalid-token",
          "The bearer token is not valid",
          "The token is expired, not signed by the portal's Keycloak realm, or not meant for the"
              + " portal (audience).");
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    boolean registry = path.equals(REGISTRY) || path.startsWith(REGISTRY + "/");
    JsonWebToken token = principal.getOidcSecurityContext().getToken();
    String client = token.getClaimValueAsString("azp");
    String username = token.getPreferredUsername();
    if (client == null
        || username == null
        || !username.equals("service-account-" + client.toLowerCase(Locale.ROOT))) {
      return new Problem(
          403,
          registry ? "not-a-provider" : "not-a-detector",
          registry
              ? "Only internet providers use this API"
              : "Only monitoring systems use this API",
          "The token is not a client's own (client credentials) token.");
    }
    String organisation = organisationOf(token.getClaimValue("organization"));
    if (registry) {
      return providerRefusal(req, providers, client, organisation);
    }
    if (!req.isUserInRole(Roles.DETECTOR)) {
      return new Problem(
          403,
          "not-a-detector",
          "Only monitoring systems use this API",
          "The client does not hold the role detector.");
    }
    if (!Organisations.isAgency(organisation)) {
      return new Problem(
          403,
          "no-organisation",
          "The client is bound to no agency",
          "The client's tokens must name exactly one agency (claim organization).");
    }
    req.setAttribute(DELIVERY, new Delivery(organisation, client, null));
    return null;
  }

  private static Problem providerRefusal(
      HttpServletRequest req, Providers providers, String client, String organisation) {
    if (!req.isUserInRole(Roles.PROVIDER)) {
      return new Problem(
          403,
          "not-a-provider",
          "Only internet providers use this API",
          "The client does not hold the role provider.");
    }
    ProviderRef provider = organisation == null ? null : known(providers, client, organisation);
    if (provider == null) {
      return new Problem(
          403,
          "unknown-provider",
          "The client is not a registered provider's",
          "The client's tokens must name the provider it is registered for (claim"
              + " organization), and the provider must be active.");
    }
    req.setAttribute(PROVIDER, provider);
    return null;
  }

  /**
   * Providers poll often, mostly to be told "not modified": the registered provider of a client is
   * remembered on this node for {@link #PROVIDER_TTL_NANOS}, so that a 304 costs no transaction.
   * Only found providers are kept (one registered now is let in at once); a provider made inactive
   * is refused on every node within that time.
   */
  private static final Map<String, Known> PROVIDERS = new ConcurrentHashMap<>();

  static final long PROVIDER_TTL_NANOS = 30_000_000_000L;

  private record Known(ProviderRef provider, long until) {}

  private static ProviderRef known(Providers providers, String client, String organisation) {
    String key = client + '\n' + organisation;
    long now = System.nanoTime();
    Known k = PROVIDERS.get(key);
    if (k != null && now - k.until() < 0) {
      return k.provider();
    }
    ProviderRef found = providers.byClient(client, organisation);
    if (found == null) {
      PROVIDERS.remove(key);
    } else {
      PROVIDERS.put(key, new Known(found, now + PROVIDER_TTL_NANOS));
    }
    return found;
  }

  /** The one organisation a claim names: a string, or a list of one. */
  static String organisationOf(Object claim) {
    if (claim instanceof String s) {
      return s;
    }
    if (claim instanceof List<?> list && list.size() == 1) {
      return String.valueOf(list.get(0));
    }
    return null;
  }

  /** The API keeps no state between requests: nothing here may start a session. */
  static final class Sessionless extends HttpServletRequestWrapper {

    Sessionless(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession() {
      return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
      return null;
    }
  }
}
