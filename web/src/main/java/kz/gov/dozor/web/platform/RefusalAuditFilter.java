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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.audit.AuditLog;

/**
 * Audits every 403 the portal answers: on its way to the error page, a refusal that the services
 * did not record already (a page or file closed to the user's role) is recorded here, with the
 * address asked for (query included). When the address names a case, a notification or an evidence
 * file, the entry names it, so that the organisation owning it sees the attempt too.
 */
@WebFilter(filterName = "refusalAudit", urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class RefusalAuditFilter extends HttpFilter {

  /** Request attribute: the refusal was audited where it happened. */
  public static final String AUDITED = RefusalAuditFilter.class.getName() + ".audited";

  /** The refused request's query (Servlet 6.1's {@code RequestDispatcher.ERROR_QUERY_STRING}). */
  static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

  private static final Pattern PAGE_WITH_ID = Pattern.compile("^/(cases|notices)/view\\.xhtml$");
  private static final Pattern ID_PARAM = Pattern.compile("(?:^|&)id=(\\d{1,18})(?:&|$)");
  private static final Pattern EVIDENCE = Pattern.compile("^/evidence/(\\d{1,18})(?:/.*)?$");

  @Inject private AuditLog audit;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
        && req.getAttribute(AUDITED) == null
        && req.getUserPrincipal() != null) {
      String uri = (String) req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      Object errorQuery = req.getAttribute(ERROR_QUERY_STRING);
      String query = errorQuery != null ? errorQuery.toString() : req.getQueryString();
      Subject s = subjectOf(req.getContextPath(), uri, query);
      audit.recordDeniedRequest(
          s.type(),
          s.id(),
          req.getMethod() + " refused to the user's role",
          req.getRemoteAddr(),
          RequestOriginFilter.requestedUrl(uri, query));
      req.setAttribute(AUDITED, Boolean.TRUE);
    }
    chain.doFilter(req, res);
  }

  /** What a refused address was about: a case, a notification, an evidence file, or a page. */
  record Subject(String type, String id) {}

  static Subject subjectOf(String contextPath, String uri, String query) {
    if (uri == null) {
      return new Subject("page", null);
    }
    String path =
        contextPath != null && uri.startsWith(contextPath)
            ? uri.substring(contextPath.length())
            : uri;
    Matcher page = PAGE_WITH_ID.matcher(path);
    if (page.matches() && query != null) {
      Matcher id = ID_PARAM.matcher(query);
      if (id.find()) {
        return new Subject(page.group(1).equals("cases") ? "case" : "notice", id.group(1));
      }
    }
    Matcher evidence = EVIDENCE.matcher(path);
    if (evidence.matches()) {
      return new Subject("evidence", evidence.group(1));
    }
    return new Subject("page", path);
  }
}
