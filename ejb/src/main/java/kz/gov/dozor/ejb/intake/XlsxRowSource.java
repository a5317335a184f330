package kz.gov.dozor.ejb.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import kz.gov.dozor.ejb.platform.Almaty;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

/**
 * The first sheet of an XLSX workbook, read as a stream: the package through POI's {@code
 * XSSFReader} (with its zip-bomb limits), the sheet's XML with a pull parser, one row at a time.
 * The first row is the header.
 */
final class XlsxRowSource implements RowSource {

  /** A sheet's XML may not inflate more than this (a 50 MB file of text cells stays far below). */
  static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

  static {
    // Inflating to more than 100 times the compressed size is what spreadsheet bombs do.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(64L * 1024 * 1024);
  }

  private static final XMLInputFactory XML = secureFactory();

  private final OPCPackage pkg;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final ReadOnlySharedStringsTable strings;
  private final List<String> columns;

  XlsxRowSource(Path file) throws ImportFileException, IOException {
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (InvalidFormatException | RuntimeException e) {
      throw refusal(e, "import.file.notCsvOrXlsx");
    }
    InputStream s = null;
    try {
      XSSFReader reader = new XSSFReader(pkg);
      strings = new ReadOnlySharedStringsTable(pkg, false);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new ImportFileException("import.file.empty");
      }
      s = sheets.next();
      sheet = s;
      xml = XML.createXMLStreamReader(s);
      Cells header = readRow();
      if (header == null) {
        throw new ImportFileException("import.file.empty");
      }
      columns = ImportColumns.of(header.asList());
      if (!columns.contains(ImportColumns.URL)) {
        throw new ImportFileException("import.file.noUrlColumn");
      }
    } catch (ImportFileException e) {
      closeQuietly(s);
      pkg.revert();
      throw e;
    } catch (OpenXML4JException
        | SAXException
        | XMLStreamException
        | IOException
        | RuntimeException e) {
      closeQuietly(s);
      pkg.revert();
      throw refusal(e, "import.file.notCsvOrXlsx");
    }
  }

  @Override
  public ImportRow next() throws ImportFileException, IOException {
    Cells row;
    try {
      row = readRow();
    } catch (XMLStreamException | RuntimeException e) {
      throw refusal(e, "import.xlsx.malformed");
    }
    if (row == null) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<Integer, String> c : row.cells.entrySet()) {
      int i = c.getKey();
      if (i < columns.size() && columns.get(i) != null) {
        String column = columns.get(i);
        String value = c.getValue();
        if (ImportColumns.DETECTED_AT.equals(column) && row.numeric.contains(i)) {
          value = excelDate(value);
        }
        values.put(column, value);
      }
    }
    return new ImportRow(row.number, values);
  }

  /** A spreadsheet's date (days since 1900) as ISO local time in Almaty, or the text as it is. */
  private static String excelDate(String value) {
    try {
      double d = Double.parseDouble(value);
      LocalDateTime t = DateUtil.getLocalDateTime(d);
      return t.atZone(Almaty.ZONE).toOffsetDateTime().toString();
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** The cells of one row. */
  private static final class Cells {
    long number;
    final Map<Integer, String> cells = new HashMap<>();
    final java.util.Set<Integer> numeric = new java.util.HashSet<>();

    List<String> asList() {
      int max = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
      List<String> out = new ArrayList<>();
      for (int i = 0; i <= max; i++) {
        out.add(cells.get(i));
      }
      return out;
    }
  }

  /** Reads up to the end of the next {@code row} element; null at the end of the sheet. */
  private Cells readRow() throws XMLStreamException {
    Cells row = null;
    int column = -1;
    String type = null;
    StringBuilder text = null;
    int implicitColumn = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        switch (name) {
          case "row" -> {
            row = new Cells();
            String r = xml.getAttributeValue(null, "r");
            row.number = r == null ? 0 : Long.parseLong(r);
            implicitColumn = 0;
          }
          case "c" -> {
            String ref = xml.getAttributeValue(null, "r");
            column = ref == null ? implicitColumn : columnOf(ref);
            implicitColumn = column + 1;
            type = xml.getAttributeValue(null, "t");
          }
          case "v", "t" -> text = new StringBuilder();
          default -> {
            // other elements (formulas, rich-text runs) carry nothing we need
          }
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        if (text != null) {
          text.append(xml.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (("v".equals(name) || "t".equals(name)) && row != null && text != null) {
          String value = text.toString();
          if ("s".equals(type)) {
            value = strings.getItemAt(Integer.parseInt(value.strip())).getString();
          }
          row.cells.merge(column, value, String::concat);
          if (type == null || "n".equals(type)) {
            row.numeric.add(column);
          }
          text = null;
        } else if ("row".equals(name) && row != null) {
          return row;
        }
      }
    }
    return null;
  }

  /** The zero-based column of a cell reference such as {@code C12}. */
  static int columnOf(String ref) {
    int col = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = ref.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      col = col * 26 + (ch - 'A' + 1);
    }
    return col - 1;
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing a reader over a stream we close next
    }
    closeQuietly(sheet);
    pkg.revert();
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // nothing to do: the package is discarded next
      }
    }
  }

  /** A bomb is named as such; anything else the given way. */
  private static ImportFileException refusal(Exception e, String otherwise) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("Zip bomb") || m.contains("exceeds the max"))) {
        return new ImportFileException("import.file.bomb");
      }
    }
    return new ImportFileException(otherwise);
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }
}
