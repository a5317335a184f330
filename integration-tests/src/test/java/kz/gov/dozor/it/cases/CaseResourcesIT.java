package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseDetails.OutcomeStep;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceOutcome;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.ejb.cases.CaseResourceFilter;
import kz.gov.dozor.ejb.cases.CaseResourceFilter.State;
import kz.gov.dozor.ejb.cases.CaseService;
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

/**
 * The case page's resources in the real server: a case of 2,500 resources is paged, filtered and
 * counted by the database (the page gets only its first page with the case), each row with the
 * ministry's answer, and only the case's own organisation reads them.
 */
@ExtendWith(ArquillianExtension.class)
class CaseResourcesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(CaseResourcesIT.class);
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
    investigator = db.user("rinv", "afm", "investigator");
    supervisor = db.user("rsup", "afm", "supervisor");
    officer = db.user("roff", "mci", "officer");
  }

  @Test
  void pagesFiltersAndCountsTheResourcesOfALargeCase() throws Exception {
    // Every 25th resource a mirror: 100 mirrors among 2,500.
    List<String> urls = new ArrayList<>();
    List<String> sites = Procedures.uniqueUrls("site", 2400);
    List<String> mirrors = Procedures.uniqueUrls("Mirror", 100);
    for (int i = 0, s = 0, m = 0; i < 2500; i++) {
      urls.add(i % 25 == 24 ? mirrors.get(m++) : sites.get(s++));
    }
    CaseDetails c = given.blockingCase(investigator, urls, 1);
    assertEquals(2500, c.resourceCount());
    assertEquals(CaseService.FIRST_PAGE, c.resources().size(), "only the first page comes along");
    assertEquals(1, c.resources().get(0).position());

    // Page 3 of 50.
    List<ResourceView> third =
        investigator.call(() -> cases.resources(c.id(), CaseResourceFilter.ALL, 100, 50));
    assertEquals(50, third.size());
    assertEquals(101, third.get(0).position());
    assertEquals(150, third.get(49).position());
    assertEquals(urls.get(100), third.get(0).urlOriginal());

    // Text anywhere in the URL, ignoring case; counted and paged the same way.
    CaseResourceFilter mirror = new CaseResourceFilter("MIRROR", null, false);
    assertEquals(100L, investigator.call(() -> cases.countResources(c.id(), mirror)));
    List<ResourceView> mirrorPage =
        investigator.call(() -> cases.resources(c.id(), mirror, 20, 20));
    assertEquals(20, mirrorPage.size());
    assertEquals(25 * 21, mirrorPage.get(0).position());
    assertTrue(mirrorPage.stream().allMatch(r -> r.urlOriginal().contains("Mirror")));
    // Wildcards are text: nothing here holds a % or an _, and a long text matches nothing.
    for (String text : List.of("%", "_", "site%1", "x".repeat(500), "<script>")) {
      assertEquals(
          0L,
          investigator.call(
              () -> cases.countResources(c.id(), new CaseResourceFilter(text, null, false))),
          text);
    }
    assertEquals(
        2500L,
        investigator.call(
            () -> cases.countResources(c.id(), new CaseResourceFilter("  ", null, false))));

    // The ministry's answer, as a filter and on each row.
    assertEquals(2500L, count(c, State.NONE));
    List<Long> three = mirrorPage.subList(0, 3).stream().map(ResourceView::id).toList();
    long notice = given.submit(investigator, c, three, List.of(c.evidence().get(0).id()));
    assertEquals(3L, count(c, State.IN_REVIEW));
    assertEquals(2497L, count(c, State.NONE));
    assertEquals(
        97L,
        investigator.call(() -> cases.countResources(c.id(), CaseResourceFilter.free("mirror"))));
    assertEquals(97, investigator.call(() -> notices.resourcesToNotify(c.id(), "mirror")).size());
    given.signOff(supervisor, notice, "OK");
    assertEquals(3L, count(c, State.AWAITING_DECISION));
    long item =
        officer.call(() -> notices.open(notice)).resources().stream()
            .filter(i -> i.url().equals(mirrorPage.get(0).urlOriginal()))
            .findFirst()
            .orElseThrow()
            .id();
    given.decide(
        officer,
        notice,
        item,
        ResourceDecision.BLOCK,
        "MCI-R/1",
        LocalDate.now(ZoneId.of("Asia/Almaty")),
        null);
    assertEquals(1L, count(c, State.BLOCKED));
    assertEquals(2L, count(c, State.AWAITING_DECISION));
    List<ResourceView> blocked =
        investigator.call(
            () ->
                cases.resources(c.id(), new CaseResourceFilter(null, State.BLOCKED, false), 0, 50));
    assertEquals(List.of(mirrorPage.get(0).id()), blocked.stream().map(ResourceView::id).toList());
    assertEquals(ResourceOutcome.BLOCKED, blocked.get(0).outcome());
    assertEquals(
        List.of(OutcomeStep.Step.SENT, OutcomeStep.Step.BLOCKED),
        blocked.get(0).steps().stream().map(OutcomeStep::step).toList());
    assertEquals("MCI-R/1", blocked.get(0).steps().get(1).decisionNumber());
    // The same row on its page of the unfiltered table says the same.
    ResourceView onItsPage =
        investigator.call(() -> cases.resources(c.id(), mirror, 20, 20)).get(0);
    assertEquals(ResourceOutcome.BLOCKED, onItsPage.outcome());
    assertEquals(
        ResourceOutcome.AWAITING_DECISION,
        investigator.call(() -> cases.resources(c.id(), mirror, 21, 1)).get(0).outcome());
  }

  @Test
  void onlyTheCasesOrganisationReadsItsResources() throws Exception {
    CaseDetails c = given.blockingCase(investigator, Procedures.uniqueUrls("own", 3), 1);
    assertEquals(3L, supervisor.call(() -> cases.countResources(c.id(), CaseResourceFilter.ALL)));

    // The ministry's people never read the agency's cases, whatever their roles.
    User ministry = db.user("rmin", "mci", "investigator");
    assertThrows(
        AccessDeniedException.class,
        () -> ministry.call(() -> cases.resources(c.id(), CaseResourceFilter.ALL, 0, 50)));
    assertThrows(
        AccessDeniedException.class,
        () -> ministry.call(() -> cases.countResources(c.id(), CaseResourceFilter.ALL)));
    assertThrows(
        EJBAccessException.class,
        () -> officer.call(() -> cases.resources(c.id(), CaseResourceFilter.ALL, 0, 50)));

    // A case of another agency is refused to this one, and the refusal is audited.
    CaseDetails other = given.blockingCase(investigator, Procedures.uniqueUrls("other", 2), 1);
    db.update("update violation_case set organisation = 'other-agency' where id = ?", other.id());
    long refusals =
        db.count(
            "select count(*) from audit_entry where action = 'ACCESS_DENIED'"
                + " and subject_type = 'case' and subject_id = ?",
            String.valueOf(other.id()));
    assertThrows(
        AccessDeniedException.class,
        () -> investigator.call(() -> cases.resources(other.id(), CaseResourceFilter.ALL, 0, 50)));
    assertThrows(
        AccessDeniedException.class,
        () -> investigator.call(() -> cases.countResources(other.id(), CaseResourceFilter.ALL)));
    assertEquals(
        refusals + 2,
        db.count(
            "select count(*) from audit_entry where action = 'ACCESS_DENIED'"
                + " and subject_type = 'case' and subject_id = ?",
            String.valueOf(other.id())));
  }

  private long count(CaseDetails c, State state) throws Exception {
    return investigator.call(
        () -> cases.countResources(c.id(), new CaseResourceFilter(null, state, false)));
  }
}
