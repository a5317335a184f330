package kz.gov.dozor.web.registry;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.registry.RegistryFilter;
import kz.gov.dozor.ejb.registry.RegistryRow;
import kz.gov.dozor.ejb.registry.RegistryService;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.session.LocaleBacking;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The registry page's list, filtered as on the page (the same parameters), as CSV or XLSX. Rows
 * stream from a database cursor into the response (the spreadsheet keeps 100 rows in memory and the
 * rest in a temporary file), so an export of any size keeps memory flat.
 */
@WebServlet("/registry/export")
public class RegistryExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Almaty.ZONE);

  private static final String[] COLUMNS = {
    "id", "url", "url_normalized", "urgent", "decision_number", "decision_date", "issuing_body",
    "notice_number", "blocked_at", "blocked_by", "state", "lifted_at", "lifted_by", "lift_reason"
  };

  private static final String[] HEADINGS = {
    "registry.export.id",
    "resource.url",
    "registry.export.normalized",
    "registry.urgent",
    "decision.number",
    "decision.date",
    "registry.body",
    "notice.number",
    "registry.blockedAt",
    "registry.blockedBy",
    "registry.state",
    "registry.export.liftedAt",
    "registry.liftedBy",
    "registry.liftReason"
  };

  @Inject private transient RegistryService registry;
  @Inject private transient LocaleBacking language;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String format = req.getParameter("format");
    if (!"csv".equals(format) && !"xlsx".equals(format)) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "format is csv or xlsx");
      return;
    }
    RegistryFilter filter;
    try {
      filter =
          RegistryFilters.of(
              req.getParameter("state"),
              req.getParameter("url"),
              req.getParameter("decision"),
              req.getParameter("body"),
              date(req.getParameter("from")),
              date(req.getParameter("to")),
              req.getParameter("urgent"));
    } catch (DateTimeParseException e) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "dates are yyyy-MM-dd");
      return;
    }
    // The language the user reads the portal in.
    Locale locale = language.getLocale();
    String name =
        "registry-"
            + LocalDate.now(Almaty.ZONE).format(DateTimeFormatter.ISO_LOCAL_DATE)
            + "."
            + format;
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    resp.setHeader("Cache-Control", "no-store");
    try {
      if ("csv".equals(format)) {
        resp.setContentType("text/csv;charset=UTF-8");
        csv(filter, resp.getOutputStream());
      } else {
        resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx(filter, locale, resp.getOutputStream());
      }
    } catch (EJBAccessException e) {
      if (!resp.isCommitted()) {
        resp.reset();
        resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
  }

  private void csv(RegistryFilter filter, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    w.write('\uFEFF');
    CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(COLUMNS).build().print(w);
    registry.export(
        filter,
        unchecked(
            rows -> {
              for (RegistryRow r : rows) {
                for (String v : values(r)) {
                  p.print(neutral(v));
                }
                p.println();
              }
              p.flush();
            }));
    p.flush();
  }

  private void xlsx(RegistryFilter filter, Locale locale, OutputStream out) throws IOException {
    SXSSFWorkbook book = new SXSSFWorkbook(100);
    try {
      SXSSFSheet sheet = book.createSheet("registry");
      Font bold = book.createFont();
      bold.setBold(true);
      var heading = book.createCellStyle();
      heading.setFont(bold);
      Row head = sheet.createRow(0);
      for (int i = 0; i < HEADINGS.length; i++) {
        Cell c = head.createCell(i);
        c.setCellValue(Messages.text(locale, HEADINGS[i]));
        c.setCellStyle(heading);
      }
      int[] next = {1};
      registry.export(
          filter,
          rows -> {
            for (RegistryRow r : rows) {
              Row row = sheet.createRow(next[0]++);
              List<String> values = values(r);
              for (int i = 0; i < values.size(); i++) {
                // Text cells: nothing a user typed is ever read as a formula.
                row.createCell(i).setCellValue(values.get(i));
              }
            }
          });
      book.write(out);
    } finally {
      book.dispose();
      book.close();
    }
  }

  private static List<String> values(RegistryRow r) {
    return List.of(
        String.valueOf(r.id()),
        r.url(),
        r.urlNormalized(),
        r.urgent() ? "yes" : "no",
        r.decisionNumber(),
        r.decisionDate().toString(),
        r.issuingBody(),
        nz(r.noticeNumber()),
        TIME.format(r.blockedAt()),
        nz(r.blockedByName() != null ? r.blockedByName() : r.blockedBy()),
        r.active() ? "active" : "lifted",
        r.liftedAt() == null ? "" : TIME.format(r.liftedAt()),
        nz(r.liftedByName() != null ? r.liftedByName() : r.liftedBy()),
        nz(r.liftReason()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A cell a spreadsheet program would read as a formula is kept as text. */
  static String neutral(String v) {
    return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }

  private interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }

  private static <T> Consumer<T> unchecked(IoConsumer<T> c) {
    return t -> {
      try {
        c.accept(t);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
