package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.ejb.intake.ImportWatch;
import kz.gov.dozor.ejb.platform.Settings;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports whose node died: the watch (as its timer runs it on every node) starts an import whose
 * job never started, restarts one whose job stopped writing from its checkpoint, and reports one
 * that failed too often as interrupted, with what was imported.
 */
@ExtendWith(ArquillianExtension.class)
class ImportResumeIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(ImportResumeIT.class, TriageData.class, ImportRuns.class);
  }

  @Inject Procedures given;
  @Inject ImportService imports;
  @Inject ImportWatch watch;

  TestData db;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("rinv", "afm", "investigator");
  }

  @Test
  void anImportWhoseJobNeverStartedIsStartedByTheWatch() throws Exception {
    String marker = TriageData.marker("rs");
    long id = upload(marker, 3);
    // Its node died between the upload and the start.
    db.update(
        "update intake_import set created_at = now() - interval '10 minutes' where id = ?", id);

    watch.resumeAbandoned();
    ImportView done = ImportRuns.awaitFinished(imports, investigator, id);

    assertEquals("COMPLETED", done.status());
    assertEquals(3, done.accepted());
    assertEquals(1L, db.count("select resumes from intake_import where id = ?", id));
  }

  @Test
  void aStalledJobIsRestartedFromItsCheckpointAndRowsAreNotImportedTwice() throws Exception {
    String marker = TriageData.marker("rr");
    long id = upload(marker, 2500);
    // The job stops on its first chunk: the file is out of reach.
    Path file = Settings.importDirectory().resolve(id + ".data");
    Path aside = Files.move(file, file.resolveSibling(id + ".aside"));
    investigator.run(() -> imports.start(id));
    assertEquals("FAILED", ImportRuns.awaitFinished(imports, investigator, id).status());
    Files.move(aside, file);
    // As a node that died leaves it: running, silent for minutes.
    db.update(
        "update intake_import set status = 'RUNNING', finished_at = null,"
            + " heartbeat_at = now() - interval '10 minutes' where id = ?",
        id);

    watch.resumeAbandoned();
    // A second node's watch finds it claimed.
    watch.resumeAbandoned();
    ImportView done = ImportRuns.awaitFinished(imports, investigator, id);

    assertEquals("COMPLETED", done.status(), String.valueOf(done.failure()));
    assertEquals(2500, done.accepted());
    assertEquals(1L, db.count("select resumes from intake_import where id = ?", id));
    assertEquals(2500L, db.count("select count(*) from detection where import_id = ?", id));
  }

  @Test
  void anImportResumedTooOftenIsReportedAsInterrupted() throws Exception {
    long id = upload(TriageData.marker("ri"), 1);
    db.update(
        "update intake_import set status = 'RUNNING', resumes = ?,"
            + " heartbeat_at = now() - interval '10 minutes' where id = ?",
        ImportWatch.MAX_RESUMES,
        id);

    watch.resumeAbandoned();

    ImportView v = investigator.call(() -> imports.view(id));
    assertEquals("INTERRUPTED", v.status());
  }

  private long upload(String marker, int rows) throws Exception {
    StringBuilder csv = new StringBuilder("url\n");
    for (int i = 0; i < rows; i++) {
      csv.append("https://").append(marker).append(i).append(".example/\n");
    }
    return investigator.call(() -> imports.upload(ImportRuns.csv(csv.toString()), "r.csv"));
  }
}
