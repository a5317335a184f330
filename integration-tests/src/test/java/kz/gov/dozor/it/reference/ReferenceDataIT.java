package kz.gov.dozor.it.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseLifecycleService;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.reference.CategoryService;
import kz.gov.dozor.ejb.reference.CategoryService.CategoryInput;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.ChangeView;
import kz.gov.dozor.ejb.reference.ChangeView.FieldView;
import kz.gov.dozor.ejb.reference.LegalBasisService;
import kz.gov.dozor.ejb.reference.LegalBasisService.LegalBasisInput;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.reference.PickLists;
import kz.gov.dozor.ejb.reference.RecipientBodyService;
import kz.gov.dozor.ejb.reference.RecipientBodyService.RecipientBodyInput;
import kz.gov.dozor.ejb.reference.RecipientBodyView;
import kz.gov.dozor.ejb.reference.ReferenceQueries;
import kz.gov.dozor.ejb.reference.StaleEntryException;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.ProhibitedBy;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import kz.gov.dozor.persistence.reference.ReferralKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules of reference data in the services: the agency's administrators keep categories, legal
 * bases and recipient bodies (the ministry's are refused, and the refusal is audited); entries are
 * retired, not deleted, and a retired entry is no longer offered while what used it keeps it; every
 * change keeps each field's old and new value and is in the audit log; a legal basis picked when a
 * case is routed or a notification drafted is kept on both.
 */
@ExtendWith(ArquillianExtension.class)
class ReferenceDataIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(ReferenceDataIT.class);
  }

  @Inject Procedures given;
  @Inject CategoryService categories;
  @Inject LegalBasisService legalBases;
  @Inject RecipientBodyService bodies;
  @Inject ReferenceQueries queries;
  @Inject PickLists pickLists;
  @Inject CaseLifecycleService lifecycle;
  @Inject NoticeService notices;

  TestData db;
  User agencyAdmin;
  User ministryAdmin;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    agencyAdmin = db.user("radm", "afm", "admin");
    ministryAdmin = db.user("radm", "mci", "admin");
    investigator = db.user("rinv", "afm", "investigator");
  }

  @Test
  void aRetiredCategoryIsNotOfferedForNewCasesButOldCasesKeepIt() throws Exception {
    String code = TestData.uniqueCode("RETIRED");
    agencyAdmin.run(() -> categories.addCategory(category(code, "Lottery " + code, 900)));
    assertTrue(offered(code), "a new category is offered at once");
    long old = given.registerCase(investigator, Procedures.uniqueUrl("cat"), code);

    agencyAdmin.run(() -> categories.retireCategory(code, version(code)));

    assertFalse(offered(code), "a retired category is not offered");
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> given.registerCase(investigator, Procedures.uniqueUrl("cat"), code));
    assertEquals(
        List.of("category=case.category.unknown"), problems(refused), "nor accepted for new cases");
    CaseDetails c = given.openCase(investigator, old);
    assertEquals(code, c.category().code());
    assertEquals("Lottery " + code, c.category().name(Locale.ENGLISH));
    assertFalse(c.category().active());
    // The case list still names it (retired ones included, marked).
    assertTrue(
        investigator.call(() -> pickLists.allCategories()).stream()
            .anyMatch(v -> v.code().equals(code) && !v.active()));

    // Reinstated, it is offered again.
    agencyAdmin.run(() -> categories.reinstateCategory(code, version(code)));
    assertTrue(offered(code));
    assertEquals(
        List.of(Kind.REINSTATED, Kind.RETIRED, Kind.ADDED),
        history(Subject.CATEGORY, code).stream().map(ChangeView::kind).toList());
  }

  @Test
  void everyChangeKeepsEachFieldsOldAndNewValueAndIsAudited() throws Exception {
    String code = TestData.uniqueCode("HIST");
    agencyAdmin.run(() -> categories.addCategory(category(code, "Betting " + code, 910)));
    long seen = version(code);
    assertTrue(
        agencyAdmin.call(
            () ->
                categories.changeCategory(
                    code,
                    seen,
                    new CategoryInput(
                        null,
                        "Санат " + code,
                        "Категория " + code,
                        "Online betting " + code,
                        true,
                        5))));

    ChangeView change = history(Subject.CATEGORY, code).get(0);
    assertEquals(Kind.CHANGED, change.kind());
    assertEquals(agencyAdmin.username(), change.actor());
    assertEquals("Test " + agencyAdmin.username(), change.actorName());
    assertEquals("afm", change.organisation());
    assertEquals(
        List.of(
            new FieldView("nameEn", "Betting " + code, "Online betting " + code),
            new FieldView("restrictedEvidence", "false", "true"),
            new FieldView("position", "910", "5")),
        change.fields());
    // Both organisations' administrators read the history.
    assertEquals(
        change,
        ministryAdmin.call(() -> queries.history(EnumSet.of(Subject.CATEGORY), code, 5)).get(0));
    assertEquals(
        List.of(
            List.of("REFERENCE_DATA_CHANGED", "category", code, "afm"),
            List.of("REFERENCE_DATA_CHANGED", "category", code, "afm")),
        db.rows(
            "select action, subject_type, subject_id, organisation from audit_entry"
                + " where actor = ? order by seq",
            agencyAdmin.username()));
    String detail =
        (String)
            db.single(
                "select detail from audit_entry where actor = ? order by seq desc limit 1",
                agencyAdmin.username());
    assertEquals(
        "changed: nameEn \"Betting "
            + code
            + "\" -> \"Online betting "
            + code
            + "\"; restrictedEvidence \"false\" -> \"true\"; position \"910\" -> \"5\"",
        detail);

    // Saving what is there already changes nothing and records nothing.
    long now = version(code);
    assertFalse(
        agencyAdmin.call(
            () ->
                categories.changeCategory(
                    code,
                    now,
                    new CategoryInput(
                        null,
                        "Санат " + code,
                        "Категория " + code,
                        "Online betting " + code,
                        true,
                        5))));
    assertEquals(2, history(Subject.CATEGORY, code).size());

    // An administrator who opened the entry before that change is refused, nothing overwritten.
    assertThrows(
        StaleEntryException.class,
        () ->
            agencyAdmin.run(
                () ->
                    categories.changeCategory(
                        code, seen, new CategoryInput(null, "x", "y", "z", false, 1))));
    assertEquals(
        "Online betting " + code,
        agencyAdmin.call(() -> queries.category(code)).name(Locale.ENGLISH));
  }

  @Test
  void onlyTheAgencysAdministratorsChangeItsListsAndRefusalsAreAudited() throws Exception {
    String code = TestData.uniqueCode("MCI");
    assertThrows(
        AccessDeniedException.class,
        () -> ministryAdmin.run(() -> categories.addCategory(category(code, "Ministry's", 1))));
    assertThrows(
        AccessDeniedException.class,
        () -> ministryAdmin.run(() -> categories.retireCategory("ILLEGAL_GAMBLING", 0)));
    assertThrows(
        AccessDeniedException.class,
        () ->
            ministryAdmin.run(
                () ->
                    bodies.addBody(
                        new RecipientBodyInput(code, ReferralKind.CRIMINAL, "a", "b", "c", 1))));
    assertThrows(
        AccessDeniedException.class,
        () -> ministryAdmin.run(() -> legalBases.addBasis(basis("Law " + code, "art. 1"))));
    assertEquals(0, db.count("select count(*) from category where code = ?", code));
    assertEquals(
        List.of(List.of(true)),
        db.rows("select active from category where code = 'ILLEGAL_GAMBLING'"));
    assertEquals(
        List.of(
            List.of("ACCESS_DENIED", "category", "mci"),
            List.of("ACCESS_DENIED", "category", "mci"),
            List.of("ACCESS_DENIED", "recipient-body", "mci"),
            List.of("ACCESS_DENIED", "legal-basis", "mci")),
        db.rows(
            "select action, subject_type, organisation from audit_entry where actor = ?"
                + " order by seq",
            ministryAdmin.username()));
    // The ministry's administrators read the lists; investigators cannot change them at all.
    assertTrue(ministryAdmin.call(() -> queries.categories()).size() >= 7);
    assertFalse(ministryAdmin.call(() -> queries.mayChangeAgencyLists()));
    assertThrows(
        jakarta.ejb.EJBAccessException.class,
        () -> investigator.run(() -> categories.addCategory(category(code, "x", 1))));
  }

  @Test
  void entriesAreCheckedBesideTheirFields() throws Exception {
    String code = TestData.uniqueCode("CHECK");
    agencyAdmin.run(() -> categories.addCategory(category(code, "Checked " + code, 1)));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                agencyAdmin.run(
                    () ->
                        categories.addCategory(
                            new CategoryInput(code.toLowerCase(), "Қ", " ", null, false, -1))));
    assertEquals(
        List.of(
            "code=reference.code.taken",
            "nameRu=field.required",
            "nameEn=field.required",
            "position=reference.position.range"),
        problems(e));
    e =
        assertThrows(
            InvalidInputException.class,
            () ->
                agencyAdmin.run(
                    () ->
                        categories.addCategory(
                            new CategoryInput("9 lives", "a", "b", "x".repeat(201), false, 1))));
    assertEquals(List.of("code=reference.code.format", "nameEn=text.tooLong"), problems(e));

    String law = "Law " + UUID.randomUUID();
    agencyAdmin.run(() -> legalBases.addBasis(basis(law, "art. 7")));
    e =
        assertThrows(
            InvalidInputException.class,
            () -> agencyAdmin.run(() -> legalBases.addBasis(basis(law.toUpperCase(), "ART. 7"))));
    assertEquals(List.of("article=legalBasis.taken"), problems(e));
  }

  @Test
  void aRetiredBodyIsNotOfferedForReferralsAndAUsedBodyKeepsItsKind() throws Exception {
    String code = TestData.uniqueCode("BODY");
    agencyAdmin.run(
        () ->
            bodies.addBody(
                new RecipientBodyInput(
                    code,
                    ReferralKind.ADMINISTRATIVE,
                    "Орган",
                    "Орган " + code,
                    "Body " + code,
                    5)));
    assertTrue(offeredBody(code, ReferralKind.ADMINISTRATIVE));
    assertFalse(offeredBody(code, ReferralKind.CRIMINAL));

    long c = given.registerCase(investigator, "body");
    route(c, false, ProhibitedBy.NONE, null, null);
    long v = version(c);
    investigator.run(
        () -> lifecycle.recordReferral(c, v, code, "L-" + code, LocalDate.now().minusDays(1)));

    long bodyVersion = bodyVersion(code);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                agencyAdmin.run(
                    () ->
                        bodies.changeBody(
                            code,
                            bodyVersion,
                            new RecipientBodyInput(
                                null, ReferralKind.CRIMINAL, "Орган", "Орган", "Body", 5))));
    assertEquals(List.of("kind=recipientBody.kind.inUse"), problems(e));

    agencyAdmin.run(() -> bodies.retireBody(code, bodyVersion));
    assertFalse(offeredBody(code, ReferralKind.ADMINISTRATIVE));
    RecipientBodyView kept = given.openCase(investigator, c).referral().body();
    assertEquals(code, kept.code());
    assertFalse(kept.active());
    // A referral to a retired body is refused.
    long other = given.registerCase(investigator, "body");
    route(other, false, ProhibitedBy.NONE, null, null);
    long ov = version(other);
    e =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.run(
                    () ->
                        lifecycle.recordReferral(
                            other, ov, code, "L2-" + code, LocalDate.now().minusDays(1))));
    assertEquals(List.of("body=referral.body.required"), problems(e));
  }

  @Test
  void aLegalBasisPickedWhenRoutingIsOnTheCaseAndTheNotification() throws Exception {
    String law = "Law on Lotteries " + UUID.randomUUID();
    long id = agencyAdmin.call(() -> legalBases.addBasis(basis(law, "art. 12")));
    assertTrue(
        investigator.call(() -> pickLists.legalBases()).stream().anyMatch(b -> b.id() == id));

    // Picked with no text of its own: the case cites the basis itself.
    long c = given.registerCase(investigator, "basis");
    assertEquals(CaseStatus.BLOCKING, route(c, false, ProhibitedBy.LAW, id, null));
    CaseDetails d = given.openCase(investigator, c);
    assertEquals(id, d.pickedBasis().id());
    assertEquals(law + ", art. 12", d.pickedBasis().reference());
    assertEquals(law + ", art. 12 — Заголовок art. 12", d.legalReference());

    // The notification cites it too, with the text as the investigator typed it.
    long notice =
        investigator.call(
            () ->
                notices.submit(
                    c,
                    List.of(d.resources().get(0).id()),
                    id,
                    law + ", art. 12, para. 2",
                    "Unlicensed lottery.",
                    List.of(d.evidence().get(0).id())));
    NoticeDetails n = investigator.call(() -> notices.open(notice));
    assertEquals(id, n.pickedBasis().id());
    assertEquals(law + ", art. 12, para. 2", n.legalBasis());

    // Later edits of the basis never change what was cited; a retired basis is not offered.
    LegalBasisView now = agencyAdmin.call(() -> queries.legalBasis(id));
    agencyAdmin.run(() -> legalBases.retireBasis(id, now.version()));
    assertFalse(
        investigator.call(() -> pickLists.legalBases()).stream().anyMatch(b -> b.id() == id));
    assertEquals(
        law + ", art. 12 — Заголовок art. 12", given.openCase(investigator, c).legalReference());
    assertFalse(given.openCase(investigator, c).pickedBasis().active());

    long other = given.registerCase(investigator, "basis");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> route(other, false, ProhibitedBy.LAW, id, "typed"));
    assertEquals(List.of("legalBasisPick=legalBasis.notOffered"), problems(e));
    // Free text is still possible.
    assertEquals(CaseStatus.BLOCKING, route(other, false, ProhibitedBy.COURT, null, "Court 2-1"));
    assertNull(given.openCase(investigator, other).pickedBasis());
    CaseDetails o = given.openCase(investigator, other);
    e =
        assertThrows(
            InvalidInputException.class,
            () ->
                investigator.call(
                    () ->
                        notices.submit(
                            other,
                            List.of(o.resources().get(0).id()),
                            id,
                            null,
                            "Unlicensed lottery.",
                            List.of(o.evidence().get(0).id()))));
    assertEquals(List.of("legalBasisPick=legalBasis.notOffered"), problems(e));
  }

  private static CategoryInput category(String code, String english, int position) {
    return new CategoryInput(code, "Санат " + code, "Категория " + code, english, false, position);
  }

  private static LegalBasisInput basis(String law, String article) {
    return new LegalBasisInput(
        law,
        article,
        "Тақырып " + article,
        "Заголовок " + article,
        "Title " + article,
        "Мәтін",
        "Текст",
        "Text",
        100);
  }

  private CaseStatus route(long c, boolean crime, ProhibitedBy by, Long basis, String text)
      throws Exception {
    long v = version(c);
    return investigator.call(() -> lifecycle.decideRoute(c, v, crime, by, basis, text, null));
  }

  private long version(long caseId) throws Exception {
    return given.openCase(investigator, caseId).version();
  }

  private long version(String categoryCode) throws Exception {
    return ((Number) db.single("select version from category where code = ?", categoryCode))
        .longValue();
  }

  private long bodyVersion(String code) throws Exception {
    return ((Number) db.single("select version from recipient_body where code = ?", code))
        .longValue();
  }

  private boolean offered(String code) throws Exception {
    return investigator.call(() -> pickLists.categories()).stream()
        .map(CategoryView::code)
        .anyMatch(code::equals);
  }

  private boolean offeredBody(String code, ReferralKind kind) throws Exception {
    return investigator.call(() -> pickLists.recipientBodies(kind)).stream()
        .anyMatch(b -> b.code().equals(code));
  }

  private List<ChangeView> history(Subject subject, String key) throws Exception {
    return agencyAdmin.call(() -> queries.history(EnumSet.of(subject), key, 50));
  }

  private static List<String> problems(InvalidInputException e) {
    return e.getProblems().stream().map(p -> p.field() + "=" + p.messageKey()).toList();
  }
}
