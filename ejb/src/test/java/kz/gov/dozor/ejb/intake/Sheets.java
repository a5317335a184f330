package kz.gov.dozor.ejb.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Minimal XLSX workbooks built by hand (inline strings), and a spreadsheet bomb. Shared with the
 * in-server tests through the ejb module's test jar.
 */
public final class Sheets {

  private Sheets() {}

  public static byte[] xlsx(List<List<String>> rows) throws IOException {
    StringBuilder sheet = new StringBuilder();
    sheet.append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (int r = 0; r < rows.size(); r++) {
      sheet.append("<row r=\"").append(r + 1).append("\">");
      List<String> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String v = cells.get(c);
        if (v == null) {
          continue;
        }
        String ref = (char) ('A' + c) + String.valueOf(r + 1);
        if (v.startsWith("#")) {
          // a number, e.g. a spreadsheet date
          sheet
              .append("<c r=\"")
              .append(ref)
              .append("\"><v>")
              .append(v.substring(1))
              .append("</v></c>");
        } else {
          sheet
              .append("<c r=\"")
              .append(ref)
              .append("\" t=\"inlineStr\"><is><t>")
              .append(v.replace("&", "&amp;").replace("<", "&lt;"))
              .append("</t></is></c>");
        }
      }
      sheet.append("</row>");
    }
    sheet.append("</sheetData></worksheet>");
    return workbook(out -> out.write(sheet.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** A few kilobytes that inflate to hundreds of megabytes of empty rows. */
  public static byte[] bomb() throws IOException {
    return workbook(
        out -> {
          out.write(
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                      + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>url</t></is></c></row>")
                  .getBytes(StandardCharsets.UTF_8));
          byte[] pad = new byte[1024 * 1024];
          java.util.Arrays.fill(pad, (byte) ' ');
          for (int i = 0; i < 300; i++) {
            out.write(pad);
          }
          out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] workbook(Body sheet) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              + "</Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"Detections\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      sheet.write(zip);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
