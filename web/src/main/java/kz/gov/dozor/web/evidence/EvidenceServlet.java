package kz.gov.dozor.web.evidence;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.evidence.EvidenceFile;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import kz.gov.dozor.web.platform.Downloads;

/**
 * Serves evidence files: {@code /evidence/{id}/download} as an attachment, {@code /view} and {@code
 * /thumbnail} inline for images. The type is always the one detected at capture and never sniffed;
 * the service decides who may have what and records each access.
 */
@WebServlet("/evidence/*")
public class EvidenceServlet extends HttpServlet {

  private static final Pattern PATH =
      Pattern.compile("^/(\\d{1,18})/(download|view|thumbnail|timestamp)$");
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
    serve(req, res, true, null);
  }

  /**
   * A download with the reason the person gave (the item's page asks for one where the category
   * needs it: child sexual abuse material); the reason is recorded with the access.
   */
  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, true, req.getParameter("reason"));
  }

  /**
   * The same answer without the content. Nothing is handed out, so it is not recorded as a download
   * or view (the servlet default would run the whole GET and record it).
   */
  @Override
  protected void doHead(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, false, null);
  }

  private void serve(
      HttpServletRequest req, HttpServletResponse res, boolean withContent, String reason)
      throws IOException {
    Matcher m = Downloads.route(req, res, PATH);
    if (m == null) {
      return;
    }
    if ("timestamp".equals(m.group(2))) {
      serveTimestamp(Long.parseLong(m.group(1)), req, res, withContent);
      return;
    }
    Action action = ACTIONS.get(m.group(2));
    long id = Long.parseLong(m.group(1));
    EvidenceFile file =
        Downloads.permitted(
            req,
            res,
            () ->
                withContent
                    ? evidence.open(id, action, req.getRemoteAddr(), reason)
                    : evidence.describe(id, action, req.getRemoteAddr()));
    if (file == null) {
      return;
    }
    res.setContentType(file.mediaType());
    res.setContentLengthLong(Files.size(file.path()));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("X-Evidence-SHA256", file.sha256());
    String disposition = action == Action.DOWNLOAD ? "attachment" : "inline";
    res.setHeader(
        "Content-Disposition", disposition + "; " + Downloads.fileNameParameters(file.fileName()));
    if (withContent) {
      Files.copy(file.path(), res.getOutputStream());
    }
  }

  /** The RFC 3161 token of the evidence's content, as a download. */
  private void serveTimestamp(
      long id, HttpServletRequest req, HttpServletResponse res, boolean withContent)
      throws IOException {
    EvidenceService.TimestampFile token =
        Downloads.permitted(req, res, () -> evidence.timestampOf(id, req.getRemoteAddr()));
    if (token == null) {
      return;
    }
    res.setContentType("application/octet-stream");
    res.setContentLength(token.token().length);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader(
        "Content-Disposition", "attachment; " + Downloads.fileNameParameters(token.fileName()));
    if (withContent) {
      res.getOutputStream().write(token.token());
    }
  }
}
