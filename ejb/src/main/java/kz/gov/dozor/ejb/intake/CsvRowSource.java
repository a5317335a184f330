package kz.gov.dozor.ejb.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8 (a byte-order mark is allowed), separated by commas or, as spreadsheets in
 * Kazakh and Russian save it, by semicolons; the first record is the header.
 */
final class CsvRowSource implements RowSource {

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> columns;

  CsvRowSource(Path file) throws ImportFileException, IOException {
    char delimiter = delimiterOf(file);
    Reader reader = utf8(file);
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(delimiter)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(reader);
      records = parser.iterator();
      CSVRecord header = read();
      if (header == null) {
        throw new ImportFileException("import.file.empty");
      }
      columns = ImportColumns.of(header.toList());
      if (!columns.contains(ImportColumns.URL)) {
        throw new ImportFileException("import.file.noUrlColumn");
      }
    } catch (ImportFileException | IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public ImportRow next() throws ImportFileException {
    CSVRecord r = read();
    if (r == null) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < r.size() && i < columns.size(); i++) {
      if (columns.get(i) != null) {
        values.put(columns.get(i), r.get(i));
      }
    }
    return new ImportRow(r.getRecordNumber(), values);
  }

  private CSVRecord read() throws ImportFileException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ImportFileException("import.csv.notUtf8", parser.getCurrentLineNumber());
      }
      throw new ImportFileException("import.csv.malformed", parser.getCurrentLineNumber());
    } catch (IllegalStateException e) {
      throw new ImportFileException("import.csv.malformed", parser.getCurrentLineNumber());
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** Strict UTF-8: a file in another encoding is refused, not read as garbage. */
  private static Reader utf8(Path file) throws IOException {
    PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
    byte[] bom = new byte[3];
    int n = in.readNBytes(bom, 0, 3);
    boolean hasBom =
        n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
    if (!hasBom && n > 0) {
      in.unread(bom, 0, n);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /** A semicolon when the header line has semicolons and no commas, else a comma. */
  private static char delimiterOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(8192);
      String text = new String(head, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String first = end < 0 ? text : text.substring(0, end);
      return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }
  }
}
