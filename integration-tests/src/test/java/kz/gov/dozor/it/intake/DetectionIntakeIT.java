package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.intake.Delivery;
import kz.gov.dozor.ejb.intake.DetectionIntake;
import kz.gov.dozor.ejb.intake.DetectionOutcome;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Kind;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Target;
import kz.gov.dozor.ejb.intake.IncomingDetection;
import kz.gov.dozor.ejb.intake.IntakeQueries;
import kz.gov.dozor.ejb.intake.Sightings;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * The ingest engine against the real database: reports of a URL already pending, in an open case or
 * actively blocked are attached and counted there; a (source, reference) already known is merged
 * and nothing new is stored; bad items are refused one by one while the good ones are stored.
 */
@ExtendWith(ArquillianExtension.class)
class DetectionIntakeIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(DetectionIntakeIT.class);
  }

  @Inject Procedures given;
  @Inject DetectionIntake intake;
  @Inject IntakeQueries queries;
  @Inject NoticeService notices;

  TestData db;
  User detector;
  User investigator;
  Delivery delivery;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    detector = new User("service-account-it-detector", "afm", Set.of("detector"));
    investigator = db.user("iinv", "afm", "investigator");
    delivery = new Delivery("afm", "it-detector", null);
  }

  static IncomingDetection report(String url, String source, String ref) {
    return report(url, source, ref, null, null, Instant.now().minus(1, ChronoUnit.HOURS));
  }

  static IncomingDetection report(
      String url, String source, String ref, String category, BigDecimal score, Instant at) {
    return new IncomingDetection(url, null, category, at, source, ref, score, null, null, null);
  }

  static String ref() {
    return UUID.randomUUID().toString();
  }

  List<DetectionOutcome> receive(IncomingDetection... items) throws Exception {
    return detector.call(() -> intake.receive(delivery, List.of(items)));
  }

  @Test
  void aNewUrlBecomesOnePendingItemAndLaterReportsAreCountedOnIt() throws Exception {
    String url = Procedures.uniqueUrl("intake-new");
    Instant earlier = Instant.now().minus(3, ChronoUnit.HOURS);
    Instant later = Instant.now().minus(2, ChronoUnit.HOURS);
    List<DetectionOutcome> first =
        receive(
            report(url, "crawler-a", ref(), "ILLEGAL_GAMBLING", new BigDecimal("0.40"), earlier),
            report(
                url + "?utm_source=feed",
                "crawler-b",
                ref(),
                "FINANCIAL_PYRAMID",
                new BigDecimal("0.90"),
                later));

    assertEquals(Kind.ACCEPTED, first.get(0).kind());
    assertEquals(Target.TRIAGE_ITEM, first.get(0).target());
    long item = first.get(0).targetId();
    assertEquals(Kind.MERGED, first.get(1).kind(), "the same URL twice in a batch: one item");
    assertEquals(item, first.get(1).targetId());
    assertEquals(url, first.get(1).targetLabel());
    assertNotNull(first.get(1).detectionId(), "the second report is stored, attached to it");

    List<DetectionOutcome> second = receive(report(url, "crawler-a", ref()));
    assertEquals(Kind.MERGED, second.get(0).kind());
    assertEquals(item, second.get(0).targetId());

    List<Object> row =
        db.rows(
                "select seen_count, source_count, score, category_code, status, first_seen_at"
                    + " from triage_item where id = ?",
                item)
            .get(0);
    assertEquals(3, ((Number) row.get(0)).intValue(), "seen three times");
    assertEquals(2, ((Number) row.get(1)).intValue(), "from two sources");
    assertEquals(0, new BigDecimal("0.90").compareTo((BigDecimal) row.get(2)), "highest score");
    assertEquals("FINANCIAL_PYRAMID", row.get(3), "the latest guess");
    assertEquals("PENDING", row.get(4));
    assertEquals(
        1L,
        db.count(
            "select count(*) from triage_item where url_normalized = ? and status = 'PENDING'",
            url));

    Sightings seen = investigator.call(() -> queries.sightingsOfTriageItem(item));
    assertEquals(3, seen.seenCount());
    assertEquals(2, seen.sourceCount());
    assertEquals(
        earlier.truncatedTo(ChronoUnit.MILLIS), seen.firstSeenAt().truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void twoConcurrentBatchesOfTheSameUrlsMakeOnePendingItemPerUrl() throws Exception {
    List<String> urls = Procedures.uniqueUrls("intake-race", 40);
    SecurityIdentity identity =
        SecurityDomain.getCurrent()
            .createAdHocIdentity(detector.username())
            .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(detector.roles())));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<DetectionOutcome>>> runs = new ArrayList<>();
      for (String source : List.of("crawler-p", "crawler-q")) {
        List<IncomingDetection> batch = new ArrayList<>();
        for (String url : urls) {
          batch.add(report(url, source, ref()));
        }
        runs.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return identity.runAs(
                      (java.security.PrivilegedExceptionAction<List<DetectionOutcome>>)
                          () -> intake.receive(delivery, batch));
                }));
      }
      int accepted = 0;
      for (Future<List<DetectionOutcome>> run : runs) {
        for (DetectionOutcome o : run.get(120, TimeUnit.SECONDS)) {
          accepted += o.kind() == Kind.ACCEPTED ? 1 : 0;
        }
      }
      assertEquals(urls.size(), accepted, "each URL is new work once");
    } finally {
      pool.shutdownNow();
    }
    for (String url : urls) {
      List<Object> row =
          db.rows(
                  "select count(*), sum(seen_count), sum(source_count) from triage_item"
                      + " where url_normalized = ? and status = 'PENDING'",
                  url)
              .get(0);
      assertEquals(1, ((Number) row.get(0)).intValue(), url);
      assertEquals(2, ((Number) row.get(1)).intValue(), url);
      assertEquals(2, ((Number) row.get(2)).intValue(), url);
    }
  }

  @Test
  void aKnownSourceReferenceIsMergedAndNothingNewIsStored() throws Exception {
    String url = Procedures.uniqueUrl("intake-known");
    String ref = ref();
    DetectionOutcome first = receive(report(url, "crawler-k", ref)).get(0);
    long detections = db.count("select count(*) from detection where url_normalized = ?", url);

    List<DetectionOutcome> again =
        receive(report(url, "crawler-k", ref), report(url, "crawler-k", ref));

    for (DetectionOutcome o : again) {
      assertEquals(Kind.MERGED, o.kind());
      assertEquals(first.detectionId(), o.detectionId(), "the report received the first time");
      assertEquals(Target.TRIAGE_ITEM, o.target());
      assertEquals(first.targetId(), o.targetId());
    }
    assertEquals(
        detections, db.count("select count(*) from detection where url_normalized = ?", url));
    assertEquals(
        1,
        ((Number) db.single("select seen_count from triage_item where id = ?", first.targetId()))
            .intValue());
  }

  @Test
  void aUrlOfAnOpenCaseIsCountedOnTheCaseAndOneOfAClosedCaseBecomesNewWork() throws Exception {
    String open = Procedures.uniqueUrl("intake-open");
    String closed = Procedures.uniqueUrl("intake-closed");
    long openCase = given.registerCase(investigator, open, "ILLEGAL_GAMBLING");
    long closedCase = given.registerCase(investigator, closed, "ILLEGAL_GAMBLING");
    db.update("update violation_case set status = 'CLOSED' where id = ?", closedCase);

    List<DetectionOutcome> out =
        receive(
            report(open, "crawler-c", ref()),
            report(open.replace("https://", "HTTPS://"), "crawler-d", ref()),
            report(closed, "crawler-c", ref()));

    CaseDetails c = given.openCase(investigator, openCase);
    assertEquals(Kind.MERGED, out.get(0).kind());
    assertEquals(Target.CASE, out.get(0).target());
    assertEquals(openCase, out.get(0).targetId());
    assertEquals(c.registrationNumber(), out.get(0).targetLabel());
    assertEquals(Target.CASE, out.get(1).target());
    assertEquals(Kind.ACCEPTED, out.get(2).kind(), "a closed case's URL is new work again");
    assertEquals(Target.TRIAGE_ITEM, out.get(2).target());

    long resource = c.resources().get(0).id();
    Map<Long, Sightings> seen =
        investigator.call(() -> queries.sightingsOfCaseResources(openCase, List.of(resource)));
    assertEquals(2, seen.get(resource).seenCount());
    assertEquals(2, seen.get(resource).sourceCount());
    assertEquals(0L, db.count("select count(*) from triage_item where url_normalized = ?", open));
  }

  @Test
  void aUrlActivelyBlockedIsCountedOnItsRegistryEntry() throws Exception {
    User supervisor = db.user("isup", "afm", "supervisor");
    User officer = db.user("ioff", "mci", "officer");
    String url = Procedures.uniqueUrl("intake-blocked");
    CaseDetails c = given.blockingCase(investigator, List.of(url), 1);
    long notice = given.submit(investigator, c);
    given.signOff(supervisor, notice, "OK");
    NoticeDetails sent = officer.call(() -> notices.open(notice));
    given.decide(
        officer,
        notice,
        sent.resources().get(0).id(),
        ResourceDecision.BLOCK,
        "D-" + ref().substring(0, 6),
        LocalDate.now(),
        null);
    // Blocked and closed: only the registry holds the URL now.
    db.update("update violation_case set status = 'CLOSED' where id = ?", c.id());
    long entry =
        ((Number)
                db.single("select id from registry_entry where url_normalized = ? and active", url))
            .longValue();

    DetectionOutcome out = receive(report(url, "crawler-r", ref())).get(0);

    assertEquals(Kind.MERGED, out.kind());
    assertEquals(Target.REGISTRY_ENTRY, out.target());
    assertEquals(entry, out.targetId());
    assertEquals(1, officer.call(() -> queries.sightingsOfRegistryEntry(entry)).seenCount());
  }

  @Test
  void aBatchOfGoodAndBadItemsStoresExactlyTheGoodOnes() throws Exception {
    String good = Procedures.uniqueUrl("intake-good");
    String ref = ref();
    List<DetectionOutcome> out =
        receive(
            report(good, "crawler-g", ref),
            report("ftp://nope.example/", "crawler-g", ref()),
            report(Procedures.uniqueUrl("intake-bad"), "crawler-g", ref(), "NO_SUCH", null, null),
            report(
                Procedures.uniqueUrl("intake-bad"),
                "crawler-g",
                ref(),
                null,
                new BigDecimal("7"),
                null));

    assertEquals(Kind.ACCEPTED, out.get(0).kind());
    assertEquals(Kind.REJECTED, out.get(1).kind());
    assertEquals("invalid-url", out.get(1).problem());
    assertEquals("unknown-category", out.get(2).problem());
    assertEquals("invalid-score", out.get(3).problem());
    assertNull(out.get(1).detectionId());
    assertEquals(
        1L,
        db.count(
            "select count(*) from detection where source_system = 'crawler-g' and source_ref in (?, ?)",
            ref,
            ref));
    assertEquals(
        0L,
        db.count(
            "select count(*) from detection where url_normalized like 'https://intake-bad-%'"));
  }

  @Test
  void aPersonDeliversOnlyForTheirOwnOrganisationUnderTheirOwnName() throws Exception {
    User other = db.user("iinv", "afm", "investigator");
    IncomingDetection r = report(Procedures.uniqueUrl("intake-person"), "file", ref());
    assertThrows(
        AccessDeniedException.class,
        () ->
            investigator.call(
                () -> intake.receive(new Delivery("afm", other.username(), null), List.of(r))));
    assertThrows(
        AccessDeniedException.class,
        () ->
            investigator.call(
                () ->
                    intake.receive(
                        new Delivery("mci", investigator.username(), null), List.of(r))));
    assertEquals(
        Kind.ACCEPTED,
        investigator
            .call(
                () ->
                    intake.receive(new Delivery("afm", investigator.username(), null), List.of(r)))
            .get(0)
            .kind());
  }

  @Test
  void theDatabaseRefusesReportsNamingWhatDoesNotExistAndKeepsWhatReportsName() throws Exception {
    // The references are checked by statement triggers, not foreign keys (V8_4_1): still enforced.
    DetectionOutcome first =
        receive(report(Procedures.uniqueUrl("intake-refs"), "crawler-refs", ref())).get(0);
    long item = first.targetId();
    SQLException orphan =
        assertThrows(
            SQLException.class,
            () ->
                db.update(
                    "insert into detection (id, organisation, source_system, source_ref,"
                        + " received_from, received_at, detected_at, url_original, url_normalized,"
                        + " host, platform, triage_item_id) select nextval('detection_seq'), 'afm',"
                        + " 'crawler-refs', ?, 'it', now(), now(), 'https://x.example/',"
                        + " 'https://x.example/', 'x.example', 'WEBSITE', -1",
                    ref()));
    assertEquals("23503", orphan.getSQLState());
    SQLException unknownCategory =
        assertThrows(
            SQLException.class,
            () ->
                db.update(
                    "update detection set category_code = 'NO_SUCH_CATEGORY' where id = ?",
                    first.detectionId()));
    assertEquals("23503", unknownCategory.getSQLState());
    SQLException named =
        assertThrows(
            SQLException.class, () -> db.update("delete from triage_item where id = ?", item));
    assertEquals("23503", named.getSQLState());
    assertEquals(1, db.count("select count(*) from triage_item where id = ?", item));
  }
}
