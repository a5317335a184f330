package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import kz.gov.dozor.ejb.cases.CaseDetails.EvidenceView;
import kz.gov.dozor.ejb.evidence.EvidenceItem;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.capture.CaptureQueue;
import kz.gov.dozor.ejb.evidence.capture.CaptureService;
import kz.gov.dozor.ejb.evidence.capture.CaptureTargets;
import kz.gov.dozor.ejb.evidence.capture.CaptureView;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestConfig;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.evidence.CaptureRequest.Status;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures through the portal's queue in the real server, of the fixture site the tests serve on
 * 127.0.0.1 (allowed by an administrator, as the portal requires): the files kept as evidence and
 * tied together, the queue's limit, a timeout that can be retried, refused targets.
 */
@ExtendWith(ArquillianExtension.class)
class CaptureIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaptureIT.class);
  }

  @Inject Procedures given;
  @Inject CaptureService captures;
  @Inject CaptureQueue queue;
  @Inject CaptureTargets targets;
  @Inject EvidenceService evidence;
  @Inject EvidenceStore store;

  TestData db;
  User investigator;
  String site;

  @BeforeEach
  void setUp() throws Exception {
    TestConfig.adopt();
    site = System.getProperty("dozor.fixture.url");
    db = given.db();
    investigator = db.user("capinv", "afm", "investigator");
    User admin = db.user("capadm", "afm", "admin");
    if (!targets.allowed().contains("127.0.0.1")) {
      admin.run(() -> targets.allow("127.0.0.1", "the tests' fixture site"));
    }
  }

  /** Waits until the capture has finished (the timers of every deployment work the queue). */
  private CaptureView finished(long caseId, long captureId) throws Exception {
    Instant limit = Instant.now().plusSeconds(90);
    while (true) {
      CaptureView v =
          investigator.call(() -> captures.forCase(caseId)).stream()
              .filter(c -> c.id() == captureId)
              .findFirst()
              .orElseThrow();
      if (!v.isActive()) {
        return v;
      }
      assertTrue(Instant.now().isBefore(limit), "capture " + captureId + " still " + v.status());
      Thread.sleep(300);
    }
  }

  @Test
  void aLongPageBehindARedirectIsKeptAsOneCaptureOfEvidence() throws Exception {
    long caseId = given.registerCase(investigator, "capture");
    long id = investigator.call(() -> captures.request(caseId, site + "/redirect", "10.7.0.1"));

    CaptureView done = finished(caseId, id);

    assertEquals(Status.DONE, done.status(), done.failure());
    assertEquals(200, done.httpStatus());
    assertEquals(site + "/long", done.finalUrl());
    assertEquals("127.0.0.1", done.remoteAddress());
    assertEquals(3, done.files(), "screenshot, HTML and record (no TLS over http)");
    List<EvidenceView> files =
        given.openCase(investigator, caseId).evidence().stream()
            .filter(e -> e.fileName().startsWith("capture-" + id + "-"))
            .toList();
    assertEquals(3, files.size());
    EvidenceView png =
        files.stream()
            .filter(e -> e.fileName().endsWith("screenshot.png"))
            .findFirst()
            .orElseThrow();
    BufferedImage shot = ImageIO.read(store.pathOf(png.sha256()).toFile());
    assertTrue(
        shot.getHeight() > 800, "the whole page, taller than the viewport: " + shot.getHeight());
    EvidenceView html =
        files.stream().filter(e -> e.fileName().endsWith("page.html")).findFirst().orElseThrow();
    assertEquals("text/html", html.mediaType());
    assertTrue(Files.readString(store.pathOf(html.sha256())).contains("Казино «Қазына»"));
    EvidenceView record =
        files.stream().filter(e -> e.fileName().endsWith("record.json")).findFirst().orElseThrow();
    JsonObject r =
        Json.createReader(new StringReader(Files.readString(store.pathOf(record.sha256()))))
            .readObject();
    assertEquals(site + "/redirect", r.getString("requestedUrl"));
    assertEquals(site + "/redirect", r.getJsonArray("redirects").getString(0));
    assertEquals(site + "/long", r.getString("finalUrl"));
    assertEquals("dozor", r.getJsonObject("headers").getString("X-fixture"));
    assertTrue(r.getString("browser").startsWith("Chrome/"), r.getString("browser"));
    assertEquals(png.sha256(), r.getJsonArray("files").getJsonObject(0).getString("sha256"));
    // Custody: added by the investigator, by capture, with the exchange.
    EvidenceItem item = investigator.call(() -> evidence.item(png.id(), null));
    assertEquals("capture", item.captureMethod());
    assertEquals(investigator.username(), item.capturedBy());
    assertEquals("10.7.0.1", item.clientAddress());
    assertNotNull(item.capture());
    assertEquals(site + "/long", item.capture().finalUrl());
  }

  @Test
  void theCasesPagesAreCapturedAtOnceLeavingOutInternalOnes() throws Exception {
    // As from the triage queue: a case made of detections, its pages captured in one go.
    long caseId =
        given.registerCase(
            investigator, List.of(site + "/long", "http://10.1.2.3/admin"), "ILLEGAL_GAMBLING", 1);

    int queued = investigator.call(() -> captures.requestResources(caseId, "10.7.0.2"));

    assertEquals(1, queued, "the internal address is left out");
    long id = investigator.call(() -> captures.forCase(caseId)).get(0).id();
    assertEquals(Status.DONE, finished(caseId, id).status());
  }

  @Test
  void aMissingPageIsCapturedWithItsStatus() throws Exception {
    long caseId = given.registerCase(investigator, "capture-404");
    long id = investigator.call(() -> captures.request(caseId, site + "/gone", null));

    CaptureView done = finished(caseId, id);

    assertEquals(Status.DONE, done.status(), done.failure());
    assertEquals(404, done.httpStatus());
  }

  @Test
  void aSlowPageFailsWithItsReasonAndCanBeTriedAgain() throws Exception {
    long caseId = given.registerCase(investigator, "capture-slow");
    long id = investigator.call(() -> captures.request(caseId, site + "/slow", null));

    CaptureView failed = finished(caseId, id);

    assertEquals(Status.FAILED, failed.status());
    assertTrue(failed.failure().contains("did not load within 5 s"), failed.failure());
    investigator.run(() -> captures.retry(id));
    String again = String.valueOf(db.single("select status from capture_request where id = ?", id));
    assertTrue(List.of("QUEUED", "RUNNING").contains(again.strip()), again);
    assertEquals(Status.FAILED, finished(caseId, id).status());
  }

  @Test
  void internalTargetsAndRedirectsIntoThemAreRefused() throws Exception {
    long caseId = given.registerCase(investigator, "capture-refused");

    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () ->
                        captures.request(
                            caseId, "http://169.254.169.254/latest/meta-data/", null)));
    assertEquals("capture.refused", refused.getProblems().get(0).messageKey());
    assertThrows(
        InvalidInputException.class,
        () -> investigator.call(() -> captures.request(caseId, "http://10.20.30.40/", null)));
    assertThrows(
        InvalidInputException.class,
        () -> investigator.call(() -> captures.request(caseId, "file:///etc/passwd", null)));

    long id = investigator.call(() -> captures.request(caseId, site + "/to-metadata", null));
    CaptureView failed = finished(caseId, id);
    assertEquals(Status.FAILED, failed.status());
    assertTrue(failed.failure().contains("169.254.169.254"), failed.failure());
    assertEquals(0, failed.files());
  }

  @Test
  void atMostTwoRunAtOnceAndAStoppedNodesCaptureIsQueuedAgain() throws Exception {
    long caseId = given.registerCase(investigator, "capture-queue");
    for (int i = 0; i < 3; i++) {
      investigator.call(() -> captures.request(caseId, site + "/slow", null));
    }
    // While they run, never more than two (DOZOR_CAPTURE_CONCURRENCY's default) over all nodes.
    Instant until = Instant.now().plusSeconds(8);
    long most = 0;
    while (Instant.now().isBefore(until)) {
      most =
          Math.max(most, db.count("select count(*) from capture_request where status = 'RUNNING'"));
      Thread.sleep(100);
    }
    assertTrue(most <= 2 && most >= 1, "running at once: " + most);

    // A capture left running by a node that stopped is queued again.
    long stale =
        ((Number)
                db.single(
                    "insert into capture_request (case_id, url, requested_by, requested_at, status,"
                        + " attempts, started_at, node) values (?, ?, ?, now(), 'RUNNING', 1,"
                        + " now() - interval '1 hour', 'gone') returning id",
                    caseId,
                    site + "/long",
                    investigator.username()))
            .longValue();
    queue.reclaimStale();
    assertEquals(Status.DONE, finished(caseId, stale).status());
  }
}
