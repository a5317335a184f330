package kz.gov.dozor.web.evidence;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.evidence.EvidenceFile;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import kz.gov.dozor.web.platform.CrossSite;
import kz.gov.dozor.web.platform.RefusalAuditFilter;

/**
 * Serves evidence files: {@code /evidence/{id}/download} as an attachment, {@code /view} and {@code
 * /thumbnail} inline for images. The type is always the one detected at capture and never sniffed;
 * the service decides who may have what and records each access.
 */
@WebServlet("/evidence/*")
public class EvidenceServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("^/(\\d{1,18})/(download|view|thumbnail)$");
  private static final Map<String, Action> ACTIONS =
      Map.of("download", Action.DOWNLOAD, "view", Action.VIEW, "thumbnail", Action.THUMBNAIL);

  @Inject private EvidenceService evidence;

  public EvidenceServlet() {}

  /** For tests: a servlet with its service given. */
  EvidenceServlet(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, true);
  }

  /**
   * The same answer without the content. Nothing is handed out, so it is not recorded as a download
   * or view (the servlet default would run the whole GET and record it).
   */
  @Override
  protected void doHead(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, false);
  }

  private void serve(HttpServletRequest req, HttpServletResponse res, boolean withContent)
      throws IOException {
    Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
    if (!m.matches()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (CrossSite.isCrossSite(req)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Action action = ACTIONS.get(m.group(2));
    EvidenceFile file;
    try {
      long id = Long.parseLong(m.group(1));
      file =
          withContent
              ? evidence.open(id, action, req.getRemoteAddr())
              : evidence.describe(id, action, req.getRemoteAddr());
    } catch (AccessDeniedException e) {
      req.setAttribute(RefusalAuditFilter.AUDITED, Boolean.TRUE); // by the service
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    } catch (EJBAccessException e) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setContentType(file.mediaType());
    res.setContentLengthLong(Files.size(file.path()));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("X-Evidence-SHA256", file.sha256());
    String disposition = action == Action.DOWNLOAD ? "attachment" : "inline";
    res.setHeader("Content-Disposition", disposition + "; " + fileNameParameters(file.fileName()));
    if (withContent) {
      Files.copy(file.path(), res.getOutputStream());
    }
  }

  /** Both forms: a plain ASCII name for old clients and the exact UTF-8 name (RFC 6266). */
  static String fileNameParameters(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
