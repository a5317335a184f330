package kz.gov.dozor.it.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.ChangeView;
import kz.gov.dozor.ejb.reference.DeadlineRuleView;
import kz.gov.dozor.ejb.reference.DeadlineService;
import kz.gov.dozor.ejb.reference.ReferenceQueries;
import kz.gov.dozor.ejb.reference.StaleEntryException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each organisation's administrators change the deadlines of its own steps; every change is in the
 * owner's audit log and both organisations' administrators see it.
 */
@ExtendWith(ArquillianExtension.class)
class DeadlineRulesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(DeadlineRulesIT.class);
  }

  @Inject DeadlineService reference;
  @Inject ReferenceQueries queries;

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  DataSource ds;

  TestData db;
  User agencyAdmin;
  User ministryAdmin;

  @BeforeEach
  void setUp() throws Exception {
    db = new TestData(ds);
    agencyAdmin = db.user("dadm", "afm", "admin");
    ministryAdmin = db.user("dadm", "mci", "admin");
  }

  @Test
  void rulesComeInTheOrderOfTheProcedureEachEditableByItsOwner() throws Exception {
    List<DeadlineRuleView> agency = agencyAdmin.call(() -> queries.deadlineRules());
    assertEquals(
        List.of(
            "SIGN_OFF",
            "MINISTRY_DECISION",
            "AGENCY_ANSWER",
            "PROVIDER_URGENT",
            "PROVIDER_ROUTINE"),
        agency.stream().map(DeadlineRuleView::step).toList());
    assertEquals(
        List.of(true, false, true, false, false),
        agency.stream().map(DeadlineRuleView::editable).toList());
    assertEquals(
        List.of("agency", "ministry", "agency", "ministry", "ministry"),
        agency.stream().map(DeadlineRuleView::owner).toList());
    assertEquals(
        List.of(false, false, false, true, true),
        agency.stream().map(DeadlineRuleView::hours).toList());
    List<DeadlineRuleView> ministry = ministryAdmin.call(() -> queries.deadlineRules());
    assertEquals(
        List.of(false, true, false, true, true),
        ministry.stream().map(DeadlineRuleView::editable).toList());
    // Providers' deadlines are hours (1 to 168), and never working days.
    assertThrows(
        InvalidInputException.class,
        () ->
            ministryAdmin.run(
                () ->
                    reference.changeDeadline(
                        "PROVIDER_URGENT", version("PROVIDER_URGENT"), 169, false)));
    int urgent = days("PROVIDER_URGENT");
    ministryAdmin.run(
        () -> reference.changeDeadline("PROVIDER_URGENT", version("PROVIDER_URGENT"), 2, true));
    assertEquals(2, days("PROVIDER_URGENT"));
    assertEquals(
        Boolean.FALSE,
        db.single("select working_days from deadline_rule where step = 'PROVIDER_URGENT'"));
    ministryAdmin.run(
        () ->
            reference.changeDeadline("PROVIDER_URGENT", version("PROVIDER_URGENT"), urgent, false));
  }

  @Test
  void anOrganisationCannotChangeTheOthersStepsAndTheRefusalIsRecorded() throws Exception {
    int signOff = days("SIGN_OFF");
    int decision = days("MINISTRY_DECISION");
    assertThrows(
        AccessDeniedException.class,
        () ->
            ministryAdmin.run(
                () ->
                    reference.changeDeadline("SIGN_OFF", version("SIGN_OFF"), signOff + 1, true)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            agencyAdmin.run(
                () ->
                    reference.changeDeadline(
                        "MINISTRY_DECISION", version("MINISTRY_DECISION"), 9, false)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            ministryAdmin.run(
                () ->
                    reference.changeDeadline("AGENCY_ANSWER", version("AGENCY_ANSWER"), 9, true)));
    assertEquals(signOff, days("SIGN_OFF"));
    assertEquals(decision, days("MINISTRY_DECISION"));
    assertEquals(
        List.of(
            List.of("ACCESS_DENIED", "mci", "SIGN_OFF"),
            List.of("ACCESS_DENIED", "mci", "AGENCY_ANSWER")),
        db.rows(
            "select action, organisation, subject_id from audit_entry where actor = ? order by seq",
            ministryAdmin.username()));
    assertEquals(
        1,
        db.count(
            "select count(*) from audit_entry where actor = ? and action = 'ACCESS_DENIED'"
                + " and subject_type = 'deadline' and subject_id = 'MINISTRY_DECISION'",
            agencyAdmin.username()));
  }

  @Test
  void aChangeIsInTheOwnersLogAndTheHistoryBothOrganisationsSee() throws Exception {
    TestData.DeadlineRule before = db.deadlineRule("MINISTRY_DECISION");
    int days = before.days();
    boolean working = before.workingDays();
    int changed = days == 7 ? 8 : 7;
    long seen = version("MINISTRY_DECISION");
    try {
      ministryAdmin.run(
          () -> reference.changeDeadline("MINISTRY_DECISION", seen, changed, working));
      assertEquals(changed, days("MINISTRY_DECISION"));
      assertEquals(
          List.of(
              List.of(
                  "REFERENCE_DATA_CHANGED",
                  "mci",
                  "deadline",
                  "MINISTRY_DECISION",
                  "changed: days \"" + days + "\" -> \"" + changed + "\"")),
          db.rows(
              "select action, organisation, subject_type, subject_id, detail from audit_entry"
                  + " where actor = ?",
              ministryAdmin.username()));
      // The agency depends on the ministry's deadline: its administrators see the change.
      ChangeView change =
          agencyAdmin
              .call(() -> queries.history(EnumSet.of(Subject.DEADLINE), "MINISTRY_DECISION", 5))
              .get(0);
      assertEquals(Kind.CHANGED, change.kind());
      assertEquals("mci", change.organisation());
      assertEquals(ministryAdmin.username(), change.actor());
      assertEquals("Test " + ministryAdmin.username(), change.actorName());
      assertEquals(
          List.of(new ChangeView.FieldView("days", String.valueOf(days), String.valueOf(changed))),
          change.fields());

      // A second administrator who opened the page before the change is refused, not applied.
      assertThrows(
          StaleEntryException.class,
          () ->
              ministryAdmin.run(
                  () -> reference.changeDeadline("MINISTRY_DECISION", seen, changed + 1, true)));
      assertEquals(changed, days("MINISTRY_DECISION"));
    } finally {
      ministryAdmin.run(
          () ->
              reference.changeDeadline(
                  "MINISTRY_DECISION", version("MINISTRY_DECISION"), days, working));
    }
    assertEquals(days, days("MINISTRY_DECISION"));
  }

  private long version(String step) throws Exception {
    return ((Number) db.single("select version from deadline_rule where step = ?", step))
        .longValue();
  }

  private int days(String step) throws Exception {
    return db.deadlineRule(step).days();
  }
}
