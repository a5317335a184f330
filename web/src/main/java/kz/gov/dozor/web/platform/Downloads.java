package kz.gov.dozor.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.evidence.EvidenceDamagedException;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.NotFoundException;

/** What every servlet that hands out files does alike: refusals and file names. */
public final class Downloads {

  private Downloads() {}

  /**
   * What the service gives, or null after answering its refusal (403; 404 for no such thing; 400
   * for a missing reason; 409 for a damaged evidence file).
   */
  public static <T> T permitted(
      HttpServletRequest req, HttpServletResponse res, Supplier<T> service) throws IOException {
    try {
      return service.get();
    } catch (AccessDeniedException e) {
      req.setAttribute(RefusalAuditFilter.AUDITED, Boolean.TRUE); // by the service
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
    } catch (EJBAccessException e) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (InvalidInputException e) {
      // A reason missing for restricted evidence: the item's page asks for one.
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
    } catch (EvidenceDamagedException e) {
      // Never handed out as if intact; the administrators have been told.
      res.sendError(
          HttpServletResponse.SC_CONFLICT,
          "the evidence file no longer matches its SHA-256 and is not given out");
    }
    return null;
  }

  /**
   * The request's path matched against {@code path}, or null after answering 404 (no match) or 403
   * (a request another site started: it must not fetch files in the user's name).
   */
  public static Matcher route(HttpServletRequest req, HttpServletResponse res, Pattern path)
      throws IOException {
    Matcher m = path.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
    if (!m.matches()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    if (CrossSite.isCrossSite(req)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    return m;
  }

  /** Both forms: a plain ASCII name for old clients and the exact UTF-8 name (RFC 6266). */
  public static String fileNameParameters(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
