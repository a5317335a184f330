package kz.gov.dozor.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kz.gov.dozor.ejb.audit.AuditLog;

/**
 * Audits every 403 the portal answers: on its way to the error page, a refusal that the services
 * did not record already (a page or file closed to the user's role) is recorded here.
 */
@WebFilter(filterName = "refusalAudit", urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class RefusalAuditFilter extends HttpFilter {

  /** Request attribute: the refusal was audited where it happened. */
  public static final String AUDITED = RefusalAuditFilter.class.getName() + ".audited";

  @Inject private AuditLog audit;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
        && req.getAttribute(AUDITED) == null
        && req.getUserPrincipal() != null) {
      Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      audit.recordDenied(
          "page", uri, req.getMethod() + " refused to the user's role", req.getRemoteAddr());
      req.setAttribute(AUDITED, Boolean.TRUE);
    }
    chain.doFilter(req, res);
  }
}
