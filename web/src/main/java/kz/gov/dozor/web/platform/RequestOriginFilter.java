package kz.gov.dozor.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kz.gov.dozor.ejb.audit.RequestOrigin;

/**
 * Tells the audit log, as each request arrives, what address it asked for (with its query) and from
 * where, so that a refusal recorded by a service keeps both.
 */
@WebFilter(
    filterName = "requestOrigin",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST)
public class RequestOriginFilter extends HttpFilter {

  @Inject private RequestOrigin origin;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    origin.arrived(requestedUrl(req.getRequestURI(), req.getQueryString()), req.getRemoteAddr());
    chain.doFilter(req, res);
  }

  /** Path and query as the client asked for them. */
  static String requestedUrl(String uri, String query) {
    if (uri == null) {
      return null;
    }
    return query == null || query.isEmpty() ? uri : uri + "?" + query;
  }
}
