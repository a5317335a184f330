package kz.gov.dozor.it.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import kz.gov.dozor.ejb.intake.ImportService;
import kz.gov.dozor.ejb.intake.ImportView;
import kz.gov.dozor.it.support.TestIdentity.User;

/** What the in-server import tests do alike: a CSV from text, and waiting for a job to finish. */
final class ImportRuns {

  private ImportRuns() {}

  static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The import as {@code who} sees it once its job has finished, or after 90 s as it is then. */
  static ImportView awaitFinished(ImportService imports, User who, long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      ImportView v = who.call(() -> imports.view(id));
      if (v.isFinished() || Instant.now().isAfter(deadline)) {
        return v;
      }
      Thread.sleep(200);
    }
  }
}
