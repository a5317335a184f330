package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.gov.dozor.ejb.intake.Delivery;
import kz.gov.dozor.ejb.intake.DetectionIntake;
import kz.gov.dozor.ejb.intake.DetectionOutcome;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Kind;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Target;
import kz.gov.dozor.ejb.intake.IncomingDetection;
import kz.gov.dozor.ejb.intake.SuppressionRuleService;
import kz.gov.dozor.ejb.intake.SuppressionRuleService.NewRule;
import kz.gov.dozor.ejb.intake.SuppressionRuleView;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.intake.SuppressionRule.Action;
import kz.gov.dozor.persistence.intake.SuppressionRule.RuleKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Suppression rules in the intake: a dropping rule stores nothing, a dismissing rule keeps the
 * reports on one dismissed triage item, each rule counts what it caught, and a retired or ended
 * rule no longer applies. Only an agency's administrators keep them, every change audited.
 */
@ExtendWith(ArquillianExtension.class)
class SuppressionRulesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(SuppressionRulesIT.class);
  }

  @Inject Procedures given;
  @Inject DetectionIntake intake;
  @Inject SuppressionRuleService rules;

  TestData db;
  User admin;
  User detector;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    admin = db.user("radm", "afm", "admin");
    detector = new User("service-account-it-rules", "afm", Set.of("detector"));
  }

  static String host() {
    return "rules-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  static IncomingDetection report(String url, String source) {
    return new IncomingDetection(
        url, null, null, null, source, UUID.randomUUID().toString(), null, null, null, null);
  }

  List<DetectionOutcome> receive(IncomingDetection... items) throws Exception {
    return detector.call(
        () -> intake.receive(new Delivery("afm", "it-rules", null), List.of(items)));
  }

  long add(RuleKind kind, String pattern, Action action) throws Exception {
    return admin.call(
        () ->
            rules.addRule(
                new NewRule(kind, pattern, action, "known spam", LocalDate.now().plusDays(30))));
  }

  long count(long rule) throws Exception {
    return db.count("select suppressed_count from suppression_rule where id = ?", rule);
  }

  @Test
  void aDroppingRuleStoresNothingAndCountsWhatItDropped() throws Exception {
    String host = host();
    long rule = add(RuleKind.HOST, host.toUpperCase(), Action.DROP);

    List<DetectionOutcome> out =
        receive(
            report("https://" + host + "/a", "crawler-x"),
            report("https://www." + host + "/b", "crawler-y"),
            report("https://not" + host + "/c", "crawler-x"));

    assertEquals(Kind.SUPPRESSED, out.get(0).kind());
    assertEquals("suppressed", out.get(0).problem());
    assertTrue(out.get(0).detail().contains("known spam"), out.get(0).detail());
    assertNull(out.get(0).detectionId());
    assertEquals(Kind.SUPPRESSED, out.get(1).kind(), "subdomains too");
    assertEquals(Kind.ACCEPTED, out.get(2).kind(), "another host that merely ends alike");
    assertEquals(0L, db.count("select count(*) from detection where host like ?", "%." + host));
    assertEquals(0L, db.count("select count(*) from detection where host = ?", host));
    assertEquals(2L, count(rule));
  }

  @Test
  void aDismissingRuleKeepsTheReportsOnOneDismissedItem() throws Exception {
    String host = host();
    long rule = add(RuleKind.URL_PATTERN, "https://" + host + "/promo*", Action.DISMISS);

    DetectionOutcome first = receive(report("https://" + host + "/promo1", "crawler-a")).get(0);
    DetectionOutcome second =
        receive(report("https://" + host + "/promo1?utm_source=x", "crawler-b")).get(0);
    DetectionOutcome other = receive(report("https://" + host + "/about", "crawler-a")).get(0);

    assertEquals(Kind.SUPPRESSED, first.kind());
    assertNotNull(first.detectionId(), "stored");
    assertEquals(Target.TRIAGE_ITEM, first.target());
    assertEquals(first.targetId(), second.targetId(), "one dismissed item per URL and rule");
    List<Object> item =
        db.rows(
                "select status, suppression_rule_id, seen_count, source_count, dismissal_reason"
                    + " from triage_item where id = ?",
                first.targetId())
            .get(0);
    assertEquals("DISMISSED", item.get(0));
    assertEquals(rule, ((Number) item.get(1)).longValue());
    assertEquals(2, ((Number) item.get(2)).intValue());
    assertEquals(2, ((Number) item.get(3)).intValue());
    assertEquals("known spam", item.get(4));
    assertEquals(
        rule,
        ((Number)
                db.single(
                    "select suppression_rule_id from detection where id = ?", second.detectionId()))
            .longValue());
    assertEquals(Kind.ACCEPTED, other.kind(), "the pattern covers the whole URL");
    assertEquals(2L, count(rule));
  }

  @Test
  void aSourceRuleMatchesThatSourceOnly() throws Exception {
    String source = "noisy-" + UUID.randomUUID().toString().substring(0, 6);
    long rule = add(RuleKind.SOURCE, source, Action.DROP);
    String url = "https://" + host() + "/";
    List<DetectionOutcome> out = receive(report(url, source.toUpperCase()), report(url, "calm"));
    assertEquals(Kind.SUPPRESSED, out.get(0).kind());
    assertEquals(Kind.ACCEPTED, out.get(1).kind());
    assertEquals(1L, count(rule));
  }

  @Test
  void aRetiredOrEndedRuleNoLongerApplies() throws Exception {
    String retiredHost = host();
    String endedHost = host();
    long retired = add(RuleKind.HOST, retiredHost, Action.DROP);
    long ended = add(RuleKind.HOST, endedHost, Action.DROP);
    admin.run(() -> rules.retireRule(retired, version(retired)));
    db.update("update suppression_rule set ends_on = current_date - 1 where id = ?", ended);

    List<DetectionOutcome> out =
        receive(
            report("https://" + retiredHost + "/", "crawler-r"),
            report("https://" + endedHost + "/", "crawler-r"));

    assertEquals(Kind.ACCEPTED, out.get(0).kind());
    assertEquals(Kind.ACCEPTED, out.get(1).kind());
    assertEquals(0L, count(retired));
    List<SuppressionRuleView> listed = admin.call(() -> rules.rules());
    SuppressionRuleView view =
        listed.stream().filter(r -> r.id() == retired).findFirst().orElseThrow();
    assertEquals(admin.username(), view.retiredBy());
    assertTrue(!view.inForce());
    assertEquals(
        2L,
        db.count(
            "select count(*) from audit_entry where subject_type = 'suppression_rule'"
                + " and subject_id = ? and action in ('SUPPRESSION_RULE_ADDED',"
                + " 'SUPPRESSION_RULE_RETIRED')",
            String.valueOf(retired)));
  }

  @Test
  void aRuleIsCheckedFieldByField() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                admin.run(
                    () ->
                        rules.addRule(
                            new NewRule(
                                RuleKind.URL_PATTERN,
                                "*casino*",
                                null,
                                " ",
                                LocalDate.now().minusDays(1)))));
    assertEquals(
        List.of(
            "pattern=intake.rule.glob.invalid",
            "action=field.required",
            "reason=field.required",
            "endsOn=intake.rule.endsOn.past"),
        e.getProblems().stream().map(p -> p.field() + "=" + p.messageKey()).toList());
    InvalidInputException host =
        assertThrows(
            InvalidInputException.class,
            () -> add(RuleKind.HOST, "https://x.example/path", Action.DROP));
    assertEquals("intake.rule.host.invalid", host.getProblems().get(0).messageKey());
    // An empty form: the pattern is named as missing too, not only the kind it depends on.
    InvalidInputException empty =
        assertThrows(
            InvalidInputException.class,
            () -> admin.run(() -> rules.addRule(new NewRule(null, " ", null, null, null))));
    assertEquals(
        List.of(
            "kind=field.required",
            "pattern=field.required",
            "action=field.required",
            "reason=field.required",
            "endsOn=field.required"),
        empty.getProblems().stream().map(p -> p.field() + "=" + p.messageKey()).toList());
  }

  @Test
  void onlyAnAgencysAdministratorsKeepRules() throws Exception {
    User ministryAdmin = db.user("radm", "mci", "admin");
    User investigator = db.user("rinv", "afm", "investigator");
    NewRule rule =
        new NewRule(RuleKind.HOST, host(), Action.DROP, "x", LocalDate.now().plusDays(1));
    assertThrows(AccessDeniedException.class, () -> ministryAdmin.call(() -> rules.addRule(rule)));
    assertThrows(AccessDeniedException.class, () -> ministryAdmin.call(() -> rules.rules()));
    assertThrows(EJBAccessException.class, () -> investigator.call(() -> rules.addRule(rule)));
    long id = add(RuleKind.HOST, host(), Action.DROP);
    assertThrows(
        AccessDeniedException.class,
        () -> ministryAdmin.run(() -> rules.retireRule(id, version(id))));
  }

  long version(long rule) throws Exception {
    return db.count("select version from suppression_rule where id = ?", rule);
  }
}
