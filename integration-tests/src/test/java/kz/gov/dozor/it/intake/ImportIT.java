package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.gov.dozor.ejb.intake.ImportFileException;
import kz.gov.dozor.ejb.intake.ImportRejection;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.ejb.intake.Sheets;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * File imports in the server: files refused as a whole store nothing; the batch job reads a file
 * row by row, lists every rejected row with its number and reason, and lands the rest in triage.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(
        ImportIT.class, TriageData.class, ImportRuns.class, Sheets.class);
  }

  @Inject Procedures given;
  @Inject ImportService imports;

  TestData db;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("iinv", "afm", "investigator");
  }

  @Test
  void aFileThatIsNotCsvOrXlsxAndASpreadsheetBombAreRefusedWhole() throws Exception {
    ImportFileException png =
        assertThrows(
            ImportFileException.class,
            () ->
                investigator.call(
                    () -> imports.upload(new ByteArrayInputStream(TestFiles.png(1)), "list.csv")));
    assertEquals("import.file.notCsvOrXlsx", png.getMessageKey());
    ImportFileException bomb =
        assertThrows(
            ImportFileException.class,
            () ->
                investigator.call(
                    () -> imports.upload(new ByteArrayInputStream(Sheets.bomb()), "b.xlsx")));
    assertEquals("import.file.bomb", bomb.getMessageKey());
    ImportFileException malformed =
        assertThrows(
            ImportFileException.class,
            () ->
                investigator.call(
                    () ->
                        imports.upload(
                            ImportRuns.csv(
                                "url,note\nhttps://a.example/,ok\nhttps://b.example/,\"open\n"),
                            "m.csv")));
    assertEquals("import.csv.malformed", malformed.getMessageKey());
    assertEquals(
        0L,
        db.count(
            "select count(*) from intake_import where imported_by = ?", investigator.username()));
  }

  @Test
  void rowsFailingTheirOwnChecksAreListedWithTheirNumbers() throws Exception {
    long id =
        investigator.call(
            () ->
                imports.upload(
                    ImportRuns.csv(
                        "url,detected_at,note\n,2026-05-01,no url\nhttps://x.example/,soon,bad time\n"),
                    "bad.csv"));
    investigator.run(() -> imports.start(id));
    ImportView done = ImportRuns.awaitFinished(imports, investigator, id);

    assertEquals("COMPLETED", done.status());
    assertEquals(2, done.rowsTotal());
    assertEquals(2, done.rowsRead());
    assertEquals(2, done.rejected());
    List<ImportRejection> rows = investigator.call(() -> imports.rejections(id, 0, 10));
    assertEquals(List.of(2L, 3L), rows.stream().map(ImportRejection::row).toList());
    assertEquals("url-required", rows.get(0).problem());
    assertEquals("invalid-detected-at", rows.get(1).problem());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    investigator.run(() -> imports.writeRejectionsCsv(id, out));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("row,problem,detail,url"), text);
    assertTrue(text.contains("3,invalid-detected-at"), text);

    // The ministry never sees the agency's imports.
    User officer = db.user("ioff", "mci", "investigator");
    assertThrows(AccessDeniedException.class, () -> officer.call(() -> imports.view(id)));
  }

  @Test
  void aCsvWithABadRowLandsItsGoodRowsInTriage() throws Exception {
    String marker = TriageData.marker("imp");
    StringBuilder file = new StringBuilder("url;platform;category;note;detected_at\n");
    for (int i = 0; i < 2500; i++) {
      file.append("https://").append(marker).append(i).append(".example/;;ILLEGAL_GAMBLING;;\n");
    }
    file.append("not a url;;;;\n");
    long id = investigator.call(() -> imports.upload(ImportRuns.csv(file.toString()), "many.csv"));
    investigator.run(() -> imports.start(id));
    ImportView done = ImportRuns.awaitFinished(imports, investigator, id);

    assertEquals("COMPLETED", done.status(), String.valueOf(done.failure()));
    assertEquals(2501, done.rowsRead());
    assertEquals(2500, done.accepted());
    assertEquals(1, done.rejected());
    assertEquals(2502L, investigator.call(() -> imports.rejections(id, 0, 10)).get(0).row());
    assertEquals(
        2500L,
        db.count(
            "select count(*) from triage_item where host like ? and status = 'PENDING'",
            marker + "%"));
    assertEquals(
        2500L,
        db.count(
            "select count(*) from detection where import_id = ? and source_system = 'import'", id));
  }
}
