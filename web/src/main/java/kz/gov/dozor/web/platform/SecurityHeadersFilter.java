package kz.gov.dozor.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers every response carries: no sniffing, no framing, no referrer leaks, and a
 * Content-Security-Policy. Pages rendered by Faces get PrimeFaces' policy, the same one with a
 * nonce for the page's own scripts (web.xml, {@code primefaces.CSP_POLICY}); it replaces the policy
 * set here, so a page never carries two. Every other response (files, redirects, error responses
 * outside Faces) keeps this one, which allows no inline script at all.
 */
@WebFilter(
    filterName = "securityHeaders",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  static final String CSP = "Content-Security-Policy";

  /**
   * The portal's policy, the one PrimeFaces completes with each page's nonce ({@code
   * primefaces.CSP_POLICY} in web.xml): one text for both, so they cannot drift apart.
   */
  private String policy;

  @Override
  public void init() throws ServletException {
    policy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
    if (policy == null || policy.isBlank()) {
      throw new ServletException("web.xml lacks primefaces.CSP_POLICY");
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader(CSP, policy + ";");
    chain.doFilter(req, new OnePolicy(res));
  }

  /** A response on which a later Content-Security-Policy replaces the earlier one. */
  static final class OnePolicy extends HttpServletResponseWrapper {

    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
