package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseQuery;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.CaseSort;
import kz.gov.dozor.ejb.cases.KnownUrl;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding cases in the database: by a part of the registration number, by the outgoing number of a
 * notification, by status and category; and finding the cases and registry entries that already
 * hold a URL of a new case.
 */
@ExtendWith(ArquillianExtension.class)
class CaseFindingIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaseFindingIT.class);
  }

  @Inject Procedures given;
  @Inject CaseService cases;
  @Inject NoticeService notices;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("finv", "afm", "investigator");
    supervisor = db.user("fsup", "afm", "supervisor");
    officer = db.user("foff", "mci", "officer");
  }

  @Test
  void findsACaseByItsNumberOrItsNotificationsNumber() throws Exception {
    String marker = "find-" + UUID.randomUUID().toString().substring(0, 8);
    long blocking =
        given.registerCase(investigator, "https://" + marker + "-a.example/", "ILLEGAL_GAMBLING");
    long other =
        given.registerCase(investigator, "https://" + marker + "-b.example/", "FINANCIAL_PYRAMID");
    String blockingNumber = open(blocking).registrationNumber();
    String otherNumber = open(other).registrationNumber();
    given.routeToBlocking(investigator, blocking);
    String outgoing = sendNotice(blocking, false);

    // A part of the registration number: the last six digits name one case of the year.
    String tail = blockingNumber.substring(blockingNumber.length() - 6);
    assertEquals(List.of(blockingNumber), numbers(CaseQuery.any().withRegistrationNumber(tail)));
    assertEquals(
        List.of(otherNumber),
        numbers(CaseQuery.any().withRegistrationNumber(otherNumber.toLowerCase())));
    assertEquals(1, count(CaseQuery.any().withRegistrationNumber(otherNumber)));
    // The notification's outgoing number finds its case, and only that one.
    assertEquals(List.of(blockingNumber), numbers(CaseQuery.any().withNumber(outgoing)));
    assertEquals(1, count(CaseQuery.any().withNumber(outgoing)));
    assertEquals(List.of(otherNumber), numbers(CaseQuery.any().withNumber(otherNumber)));
    // A notification number does not match as a case number.
    assertEquals(0, count(CaseQuery.any().withRegistrationNumber(outgoing)));
    // Wildcards are text, not patterns.
    assertEquals(0, count(CaseQuery.any().withNumber("%")));
    assertEquals(0, count(CaseQuery.any().withRegistrationNumber("_")));

    // Status and category, as the column filters send them, with the URL text.
    CaseQuery byUrl = new CaseQuery(null, null, null, null, null, marker);
    assertEquals(2, count(byUrl));
    assertEquals(
        List.of(blockingNumber),
        numbers(new CaseQuery(CaseStatus.BLOCKING, null, null, null, null, marker, null, null)));
    assertEquals(
        List.of(otherNumber),
        numbers(new CaseQuery(null, "FINANCIAL_PYRAMID", null, null, null, marker, null, null)));
    assertEquals(
        0,
        count(
            new CaseQuery(
                CaseStatus.REGISTERED, "ILLEGAL_GAMBLING", null, null, null, marker, null, null)));
  }

  @Test
  void aUrlAlreadyKnownIsFoundInCasesAndInTheRegistry() throws Exception {
    String host = "known-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    long first = given.registerCase(investigator, "https://" + host + "/offer", "ILLEGAL_GAMBLING");
    String firstNumber = open(first).registrationNumber();

    // The same resource written differently is the same resource.
    List<KnownUrl> known =
        investigator.call(
            () ->
                cases.findKnownUrls(
                    List.of(
                        "HTTPS://" + host.toUpperCase() + "/offer",
                        "https://unknown-" + host + "/",
                        "not a url")));
    assertEquals(1, known.size(), known.toString());
    assertEquals("https://" + host + "/offer", known.get(0).normalized());
    assertEquals(
        List.of(firstNumber),
        known.get(0).cases().stream().map(KnownUrl.KnownCase::registrationNumber).toList());
    assertEquals(first, known.get(0).cases().get(0).id());
    assertTrue(known.get(0).registry().isEmpty());

    // Once blocked, the registry entry is named too, with the notification to open.
    given.routeToBlocking(investigator, first);
    sendNotice(first, true);
    KnownUrl blocked =
        investigator.call(() -> cases.findKnownUrls(List.of("https://" + host + "/offer"))).get(0);
    assertEquals(1, blocked.registry().size(), blocked.toString());
    assertEquals("MCI-F/1", blocked.registry().get(0).decisionNumber());
    assertTrue(blocked.registry().get(0).active());
    assertTrue(blocked.registry().get(0).noticeId() != null);

    // Nothing unknown is reported, and the ministry learns nothing of the agency's cases.
    User stranger = db.user("fmin", "mci", "investigator");
    assertEquals(
        List.of(),
        investigator.call(() -> cases.findKnownUrls(List.of("https://unknown-" + host + "/"))));
    org.junit.jupiter.api.Assertions.assertThrows(
        kz.gov.dozor.ejb.platform.AccessDeniedException.class,
        () -> stranger.call(() -> cases.findKnownUrls(List.of("https://" + host + "/offer"))));
  }

  private String sendNotice(long caseId, boolean block) throws Exception {
    long notice = given.submit(investigator, open(caseId));
    String number = given.signOff(supervisor, notice, "OK");
    if (block) {
      long item = investigator.call(() -> notices.open(notice)).resources().get(0).id();
      given.decide(
          officer,
          notice,
          item,
          ResourceDecision.BLOCK,
          "MCI-F/1",
          LocalDate.now(ZoneId.of("Asia/Almaty")),
          null);
    }
    return number;
  }

  private List<String> numbers(CaseQuery q) throws Exception {
    return investigator
        .call(() -> cases.findCases(q, 0, 50, CaseSort.REGISTERED_AT, false))
        .stream()
        .map(CaseRow::registrationNumber)
        .toList();
  }

  private long count(CaseQuery q) throws Exception {
    return investigator.call(() -> cases.countCases(q).count());
  }

  private CaseDetails open(long c) throws Exception {
    return investigator.call(() -> cases.openCase(c));
  }
}
