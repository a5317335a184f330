package kz.gov.dozor.ejb.intake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** The data rows of an import file, read one at a time (never the whole file in memory). */
public interface RowSource extends Closeable {

  /** The next data row, or null at the end. */
  ImportRow next() throws ImportFileException, IOException;

  /** Opens a file of the given type ({@code CSV} or {@code XLSX}) and reads its header. */
  static RowSource open(String type, Path file) throws ImportFileException, IOException {
    return "XLSX".equals(type) ? new XlsxRowSource(file) : new CsvRowSource(file);
  }
}
