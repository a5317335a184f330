package kz.gov.dozor.web.notices;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.notices.NoticeDocument;
import kz.gov.dozor.ejb.notices.NoticePackageContent;
import kz.gov.dozor.ejb.notices.NoticePackageZip;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.web.platform.Downloads;

/**
 * The documents of a signed-off notification: {@code /notice-documents/{id}/letter} (the official
 * letter, PDF) and {@code /notice-documents/{id}/package} (the notification package, ZIP: the
 * letter, the evidence files, their timestamp tokens, {@code manifest.json} and the agency's
 * detached signature {@code manifest.json.p7s}). A package of restricted evidence is given only to
 * a POST that names a reason. A package whose evidence no longer matches its manifest is refused.
 */
@WebServlet("/notice-documents/*")
public class NoticeDocumentServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("^/(\\d{1,18})/(letter|package)$");

  @Inject private NoticeService notices;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, null);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, req.getParameter("reason"));
  }

  private void serve(HttpServletRequest req, HttpServletResponse res, String reason)
      throws IOException {
    Matcher m = Downloads.route(req, res, PATH);
    if (m == null) {
      return;
    }
    long id = Long.parseLong(m.group(1));
    if ("letter".equals(m.group(2))) {
      NoticeDocument letter = Downloads.permitted(req, res, () -> notices.letter(id));
      if (letter != null) {
        headers(res, letter.mediaType(), letter.fileName());
        res.setContentLength(letter.content().length);
        res.getOutputStream().write(letter.content());
      }
      return;
    }
    NoticePackageContent content =
        Downloads.permitted(req, res, () -> notices.exportPackage(id, reason, req.getRemoteAddr()));
    if (content == null) {
      return;
    }
    headers(res, "application/zip", content.outgoingNumber() + ".zip");
    NoticePackageZip.write(content, res.getOutputStream());
  }

  private static void headers(HttpServletResponse res, String type, String fileName) {
    res.setContentType(type);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("Content-Disposition", "attachment; " + Downloads.fileNameParameters(fileName));
  }
}
