package kz.gov.dozor.web.intake;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NotFoundException;

/** The rejected rows of an import as a CSV download: {@code /intake/rejections?id=…}. */
@WebServlet("/intake/rejections")
public class ImportRejectionsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient ImportService imports;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    long id;
    try {
      id = Long.parseLong(req.getParameter("id"));
    } catch (NumberFormatException | NullPointerException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      imports.view(id);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (AccessDeniedException e) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    res.setContentType("text/csv; charset=UTF-8");
    res.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"");
    res.setHeader("X-Content-Type-Options", "nosniff");
    imports.writeRejectionsCsv(id, res.getOutputStream());
  }
}
