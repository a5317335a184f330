package kz.gov.dozor.it.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseLifecycleService;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.NewCase;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.notices.ResourceDecision;

/**
 * The steps of the procedure a test takes to reach the state it is about (its Arrange part), each
 * taken through the services as the user who takes it: register a case, route it to blocking,
 * submit a block notification, sign it off, decide on it. Every call creates its own data.
 */
@Dependent
public class Procedures {

  /** The legal basis the cases and notifications of these tests cite. */
  public static final String GAMBLING_LAW = "Law on Gambling, art. 9";

  @Inject CaseService cases;
  @Inject CaseLifecycleService lifecycle;
  @Inject EvidenceService evidence;
  @Inject NoticeService notices;

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  DataSource ds;

  /** The test database, read and written with plain SQL. */
  public TestData db() {
    return new TestData(ds);
  }

  /** An address no other case holds: {@code https://{prefix}-{random}.example/}. */
  public static String uniqueUrl(String prefix) {
    return "https://" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example/";
  }

  /** {@code count} addresses no other case holds: {@code https://{prefix}{i}-{random}.example/}. */
  public static List<String> uniqueUrls(String prefix, int count) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      urls.add(uniqueUrl(prefix + i));
    }
    return urls;
  }

  /** An online casino at a new address with one screenshot, registered by {@code who}. */
  public long registerCase(User who, String urlPrefix) throws Exception {
    return registerCase(who, List.of(uniqueUrl(urlPrefix)), "ILLEGAL_GAMBLING", 1);
  }

  /**
   * A case of {@code category} about one address with one screenshot, registered by {@code who}.
   */
  public long registerCase(User who, String url, String category) throws Exception {
    return registerCase(who, List.of(url), category, 1);
  }

  /**
   * A case of {@code category} about {@code urls}, seen two hours ago, with {@code files} different
   * screenshots, registered by {@code who}; returns its id.
   */
  public long registerCase(User who, List<String> urls, String category, int files)
      throws Exception {
    return who.call(
        () -> {
          List<StagedEvidence> staged = new ArrayList<>();
          for (int i = 0; i < files; i++) {
            staged.add(
                evidence.receive(new ByteArrayInputStream(TestFiles.png(i)), "shot" + i + ".png"));
          }
          return cases
              .registerViolation(
                  new NewCase(
                      UUID.randomUUID(),
                      urls.stream().map(url -> new NewCase.Resource(url, null)).toList(),
                      category,
                      "Online casino.",
                      Instant.now().minus(2, ChronoUnit.HOURS),
                      staged,
                      null))
              .id();
        });
  }

  /**
   * An online casino at a new address with one screenshot of exactly {@code screenshot} (content no
   * other test shares, for tests that damage it on disk), registered by {@code who}.
   */
  public long registerCaseWith(User who, byte[] screenshot) throws Exception {
    return who.call(
        () ->
            cases
                .registerViolation(
                    new NewCase(
                        UUID.randomUUID(),
                        List.of(new NewCase.Resource(uniqueUrl("own"), null)),
                        "ILLEGAL_GAMBLING",
                        "Online casino.",
                        Instant.now().minus(2, ChronoUnit.HOURS),
                        List.of(evidence.receive(new ByteArrayInputStream(screenshot), "own.png")),
                        null))
                .id());
  }

  /** The case as {@code who} sees it. */
  public CaseDetails openCase(User who, long caseId) throws Exception {
    return who.call(() -> cases.openCase(caseId));
  }

  /** {@code who} decides the route of a registered case: no crime, prohibited by law: blocking. */
  public void routeToBlocking(User who, long caseId) throws Exception {
    long version = openCase(who, caseId).version();
    who.run(
        () ->
            lifecycle.decideRoute(
                caseId, version, false, ProhibitedBy.LAW, null, GAMBLING_LAW, null));
  }

  /** A new online casino case of {@code who}'s, on the blocking route. */
  public CaseDetails blockingCase(User who, String urlPrefix) throws Exception {
    return blockingCase(who, List.of(uniqueUrl(urlPrefix)), 1);
  }

  /**
   * A new case of {@code who}'s about {@code urls} with {@code files} screenshots, on the blocking
   * route.
   */
  public CaseDetails blockingCase(User who, List<String> urls, int files) throws Exception {
    return blockingCase(who, urls, files, "ILLEGAL_GAMBLING");
  }

  /** As {@link #blockingCase(User, List, int)}, of {@code category}. */
  public CaseDetails blockingCase(User who, List<String> urls, int files, String category)
      throws Exception {
    long id = registerCase(who, urls, category, files);
    routeToBlocking(who, id);
    return openCase(who, id);
  }

  /**
   * {@code investigator} submits a block notification for the case's first resource with its first
   * screenshot; returns its id.
   */
  public long submit(User investigator, CaseDetails c) throws Exception {
    return submit(
        investigator, c, List.of(c.resources().get(0).id()), List.of(c.evidence().get(0).id()));
  }

  /** {@code investigator} submits a block notification for these resources and screenshots. */
  public long submit(User investigator, CaseDetails c, List<Long> resources, List<Long> files)
      throws Exception {
    return investigator.call(
        () ->
            notices.submit(
                c.id(),
                resources,
                null,
                GAMBLING_LAW,
                "Unlicensed online casino targeting Kazakhstan.",
                files));
  }

  /** The notification's version as stored now. */
  public long noticeVersion(long notice) throws SQLException {
    return ((Number) db().single("select version from block_notice where id = ?", notice))
        .longValue();
  }

  /**
   * A notification of a new blocking case with these URLs, all of them and its first file,
   * submitted by {@code investigator} and signed off by {@code supervisor}: sent to the ministry.
   */
  public long sentNotice(User investigator, User supervisor, List<String> urls) throws Exception {
    return sentNotice(investigator, supervisor, urls, "ILLEGAL_GAMBLING");
  }

  /** As {@link #sentNotice(User, User, List)}, for a case of {@code category}. */
  public long sentNotice(User investigator, User supervisor, List<String> urls, String category)
      throws Exception {
    CaseDetails c = blockingCase(investigator, urls, 1, category);
    List<Long> resources =
        db()
            .rows("select id from case_resource where case_id = ? order by position", c.id())
            .stream()
            .map(r -> ((Number) r.get(0)).longValue())
            .toList();
    long notice = submit(investigator, c, resources, List.of(c.evidence().get(0).id()));
    signOff(supervisor, notice, "OK");
    return notice;
  }

  /** {@code supervisor} signs off the notification as it is now; returns its outgoing number. */
  public String signOff(User supervisor, long notice, String comment) throws Exception {
    long version = noticeVersion(notice);
    return supervisor.call(() -> notices.signOff(notice, version, comment));
  }

  /** {@code officer} decides on one resource of the notification as it is now. */
  public void decide(
      User officer,
      long notice,
      long item,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String text)
      throws Exception {
    long version = noticeVersion(notice);
    officer.run(
        () -> notices.decide(notice, version, item, decision, decisionNumber, decisionDate, text));
  }

  /**
   * A sent notification of a new {@code category} case about {@code urls}, all blocked by {@code
   * officer} in one decision numbered {@code decisionNumber} today: the registry entries' ids.
   */
  public List<Long> blocked(
      User investigator,
      User supervisor,
      User officer,
      List<String> urls,
      String category,
      String decisionNumber)
      throws Exception {
    long notice = sentNotice(investigator, supervisor, urls, category);
    long version = officer.call(() -> notices.open(notice)).version();
    officer.call(
        () ->
            notices.decideMany(
                notice,
                version,
                kz.gov.dozor.ejb.notices.NoticeItemFilter.ALL,
                null,
                ResourceDecision.BLOCK,
                decisionNumber,
                LocalDate.now(java.time.ZoneId.of("Asia/Almaty")),
                null));
    return db()
        .rows("select id from registry_entry where notice_id = ? order by id", notice)
        .stream()
        .map(r -> ((Number) r.get(0)).longValue())
        .toList();
  }
}
