package kz.gov.dozor.ejb.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading import files: CSV and XLSX rows, and the files refused as a whole. */
class ImportFilesTest {

  @TempDir Path dir;

  @Test
  void readsASemicolonCsvWithAByteOrderMarkRowByRow() throws Exception {
    Path f =
        file(
            "\uFEFFURL;Platform;Category;Note;Detected at\n"
                + "https://a.example/;WEBSITE;ILLEGAL_GAMBLING;\"x; y\";2026-05-01\n"
                + "\n"
                + "https://b.example/;;;;\n");
    assertEquals("CSV", ImportService.typeOf(f));
    List<ImportRow> rows = rows("CSV", f);
    assertEquals(2, rows.size());
    assertEquals(2, rows.get(0).number());
    assertEquals("https://a.example/", rows.get(0).get(ImportColumns.URL));
    assertEquals("x; y", rows.get(0).get(ImportColumns.NOTE));
    assertEquals("2026-05-01", rows.get(0).get(ImportColumns.DETECTED_AT));
    assertEquals(3, rows.get(1).number());
    assertNull(rows.get(1).get(ImportColumns.PLATFORM));
    assertEquals(2, ImportService.countRows("CSV", f));
  }

  @Test
  void refusesMalformedCsvAndFilesWithoutAUrlColumn() throws Exception {
    ImportFileException quote =
        assertThrows(
            ImportFileException.class,
            () -> ImportService.countRows("CSV", file("url,note\nhttps://a.example/,\"open\nx")));
    assertEquals("import.csv.malformed", quote.getMessageKey());
    ImportFileException noUrl =
        assertThrows(
            ImportFileException.class,
            () -> ImportService.countRows("CSV", file("link,note\nhttps://a.example/,x\n")));
    assertEquals("import.file.noUrlColumn", noUrl.getMessageKey());
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1, "url,note\nhttps://a.example/,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ImportFileException encoding =
        assertThrows(ImportFileException.class, () -> ImportService.countRows("CSV", latin1));
    assertEquals("import.csv.notUtf8", encoding.getMessageKey());
    ImportFileException headerOnly =
        assertThrows(
            ImportFileException.class, () -> ImportService.countRows("CSV", file("url\n")));
    assertEquals("import.file.noRows", headerOnly.getMessageKey());
  }

  @Test
  void readsTheFirstSheetOfAnXlsxWithDates() throws Exception {
    Path f = dir.resolve("d.xlsx");
    Files.write(
        f,
        Sheets.xlsx(
            List.of(
                List.of("url", "category", "detected_at"),
                Arrays.asList("https://a.example/", "DEEPFAKE", "#46143.5"),
                Arrays.asList(null, "DEEPFAKE", null),
                List.of("https://c.example/", "", "01.05.2026 10:00"))));
    assertEquals("XLSX", ImportService.typeOf(f));
    List<ImportRow> rows = rows("XLSX", f);
    assertEquals(3, rows.size());
    assertEquals(2, rows.get(0).number());
    assertEquals("DEEPFAKE", rows.get(0).get(ImportColumns.CATEGORY));
    // 46143.5 is 2026-05-01 12:00 in the sheet, read as Almaty time.
    assertEquals(
        Instant.parse("2026-05-01T07:00:00Z"),
        ImportRowProcessor.time(rows.get(0).get(ImportColumns.DETECTED_AT)));
    assertNull(rows.get(1).get(ImportColumns.URL));
    assertEquals(
        Instant.parse("2026-05-01T05:00:00Z"),
        ImportRowProcessor.time(rows.get(2).get(ImportColumns.DETECTED_AT)));
  }

  @Test
  void refusesASpreadsheetBombAndFilesOfOtherTypes() throws Exception {
    Path bomb = dir.resolve("bomb.xlsx");
    Files.write(bomb, Sheets.bomb());
    ImportFileException e =
        assertThrows(ImportFileException.class, () -> ImportService.countRows("XLSX", bomb));
    assertEquals("import.file.bomb", e.getMessageKey());

    Path png = dir.resolve("x.csv");
    Files.write(
        png,
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'});
    ImportFileException type =
        assertThrows(ImportFileException.class, () -> ImportService.typeOf(png));
    assertEquals("import.file.notCsvOrXlsx", type.getMessageKey());
  }

  @Test
  void checksEachRowOnItsOwn() {
    ImportRowProcessor p = new ImportRowProcessor();
    p.importId = "7";
    ParsedRow ok = row(p, 5, ImportColumns.PLATFORM, "website");
    assertEquals("import-7-row-5", ok.detection().sourceRef());
    assertEquals("import", ok.detection().sourceSystem());
    assertEquals(5L, ok.detection().importRow());
    ParsedRow noUrl = (ParsedRow) p.processItem(new ImportRow(6, java.util.Map.of()));
    assertEquals("url-required", noUrl.problem());
    ParsedRow badDate = row(p, 7, ImportColumns.DETECTED_AT, "soon");
    assertEquals("invalid-detected-at", badDate.problem());
  }

  /** Row {@code number} with a URL and one more column, as the processor makes it. */
  private static ParsedRow row(ImportRowProcessor p, long number, String column, String value) {
    return (ParsedRow)
        p.processItem(
            new ImportRow(
                number, java.util.Map.of(ImportColumns.URL, "https://a.example/", column, value)));
  }

  private Path file(String text) throws Exception {
    Path f = Files.createTempFile(dir, "f", ".csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static List<ImportRow> rows(String type, Path f) throws Exception {
    List<ImportRow> out = new ArrayList<>();
    try (RowSource s = RowSource.open(type, f)) {
      ImportRow r;
      while ((r = s.next()) != null) {
        out.add(r);
      }
    }
    return out;
  }
}
