package kz.gov.dozor.it.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.gov.dozor.ejb.cases.CaseDetails;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.users.AccountChangedException;
import kz.gov.dozor.ejb.users.AccountRuleException;
import kz.gov.dozor.ejb.users.CreatedAccount;
import kz.gov.dozor.ejb.users.HeldItem;
import kz.gov.dozor.ejb.users.NewUser;
import kz.gov.dozor.ejb.users.UserAccount;
import kz.gov.dozor.ejb.users.UserAdministration;
import kz.gov.dozor.ejb.users.UserPage;
import kz.gov.dozor.ejb.users.UserQueries;
import kz.gov.dozor.ejb.users.UserRow;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.KeycloakAdmin;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules of user management, checked in the services against the real Keycloak: roles belong to
 * organisations, an administrator never sees or changes the other organisation's accounts, nor
 * takes away their own administrator role or account; every change and refusal is audited; a
 * disabled person's work goes to their colleagues. The accounts are made here (logins {@code
 * it-ua-…}) and removed afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class UserAdministrationIT {

  /** The logins of the accounts this class makes, so that they can be removed afterwards. */
  static final String PREFIX = "it-ua-";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(UserAdministrationIT.class);
  }

  @Inject UserAdministration admin;
  @Inject UserQueries queries;
  @Inject Procedures given;
  @Inject CaseService cases;
  @Inject NoticeService notices;

  TestData db;
  User adminAfm;
  User adminMci;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    adminAfm = db.demoUser("admin.afm", "afm", "admin");
    adminMci = db.demoUser("admin.mci", "mci", "admin");
  }

  /** Runs on the client (outside the server), where the tests may use Keycloak's admin API. */
  @AfterAll
  static void removeTheAccountsMadeHere() {
    for (Map<String, Object> u :
        KeycloakAdmin.admin("GET", "/users?max=500&search=" + PREFIX, null).list()) {
      if (String.valueOf(u.get("username")).startsWith(PREFIX)) {
        KeycloakAdmin.deleteUser((String) u.get("id"));
      }
    }
  }

  @Test
  void anAdministratorCreatesAnAccountOfTheirOrganisationWithATemporaryPassword() throws Exception {
    String login = login("inv");

    CreatedAccount created = create(adminAfm, login, "investigator");

    assertTrue(created.temporaryPassword().matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}"));
    UserAccount account = adminAfm.call(() -> queries.openUser(created.id()));
    assertEquals(login, account.username());
    assertEquals("Test " + login, account.fullName());
    assertEquals(List.of("investigator"), account.roles());
    assertEquals(List.of("investigator", "supervisor", "admin"), account.assignableRoles());
    assertTrue(account.enabled());
    assertEquals(List.of("UPDATE_PASSWORD"), account.requiredActions());
    assertNull(account.lastSignInAt(), "never signed in");
    // The portal knows them before their first sign-in: the directory's copy.
    assertEquals(
        List.of(List.of(created.id(), "afm", ",investigator,", true)),
        db.rows(
            "select keycloak_id, organisation, roles, enabled from portal_user where username = ?",
            login));
    assertEquals(
        List.of(List.of("admin.afm", "afm", "created in afm with roles investigator")),
        audit("USER_CREATED", login));
    // The list finds it by its login.
    UserPage page = adminAfm.call(() -> queries.findUsers(login, 0, 20));
    assertEquals(1, page.total());
    assertEquals(created.id(), page.rows().get(0).id());
  }

  @Test
  void officersAndAdministratorsEnrolAnAuthenticatorAtTheirFirstSignIn() throws Exception {
    CreatedAccount officer = create(adminMci, login("off"), "officer");

    UserAccount account = adminMci.call(() -> queries.openUser(officer.id()));

    assertEquals(List.of("officer"), account.roles());
    assertEquals(
        Set.of("UPDATE_PASSWORD", "CONFIGURE_TOTP"), Set.copyOf(account.requiredActions()));
  }

  @Test
  void theAgencysAdministratorCannotGiveTheMinistrysRoles() throws Exception {
    String login = login("officer");

    AccessDeniedException refused =
        assertThrows(
            AccessDeniedException.class, () -> create(adminAfm, login, "investigator", "officer"));

    assertEquals("users.role.notOfOrganisation", refused.getMessageKey());
    assertEquals(0, adminAfm.call(() -> queries.findUsers(login, 0, 20)).total());
    assertEquals(1, refusals(login));
    // Nor on an existing account of the agency.
    CreatedAccount inv = create(adminAfm, login("inv"), "investigator");
    assertThrows(
        AccessDeniedException.class,
        () ->
            adminAfm.run(
                () ->
                    admin.changeRoles(
                        inv.id(), Set.of("investigator"), Set.of("investigator", "officer"))));
    assertEquals(1, refusals(inv.username()));
    assertEquals(List.of("investigator"), adminAfm.call(() -> queries.openUser(inv.id())).roles());
  }

  @Test
  void anAdministratorNeitherSeesNorChangesTheOtherOrganisationsAccounts() throws Exception {
    CreatedAccount officer = create(adminMci, login("mci"), "officer");
    String id = officer.id();

    assertThrows(AccessDeniedException.class, () -> adminAfm.call(() -> queries.openUser(id)));
    assertThrows(
        AccessDeniedException.class,
        () -> adminAfm.run(() -> admin.changeRoles(id, Set.of("officer"), Set.of("admin"))));
    assertThrows(AccessDeniedException.class, () -> adminAfm.run(() -> admin.disable(id)));
    assertThrows(AccessDeniedException.class, () -> adminAfm.call(() -> admin.resetPassword(id)));
    assertThrows(
        AccessDeniedException.class, () -> adminAfm.run(() -> admin.signOutEverywhere(id)));

    // Each attempt is in the audit log, and nothing changed.
    assertEquals(5, refusals(officer.username()));
    UserAccount unchanged = adminMci.call(() -> queries.openUser(id));
    assertTrue(unchanged.enabled());
    assertEquals(List.of("officer"), unchanged.roles());
    // The agency's list does not show it.
    assertEquals(0, adminAfm.call(() -> queries.findUsers(officer.username(), 0, 20)).total());
    // Nor the ministry's administrator (with the list) the agency's own one.
    assertEquals(0, adminMci.call(() -> queries.findUsers("admin.afm", 0, 20)).total());
  }

  @Test
  void anAdministratorKeepsTheirOwnAdministratorRoleAndAccount() throws Exception {
    UserRow self = row(adminAfm, "admin.afm");

    AccountRuleException ownRole =
        assertThrows(
            AccountRuleException.class,
            () ->
                adminAfm.run(
                    () -> admin.changeRoles(self.id(), Set.of("admin"), Set.of("investigator"))));
    AccountRuleException ownAccount =
        assertThrows(
            AccountRuleException.class, () -> adminAfm.run(() -> admin.disable(self.id())));

    assertEquals("users.rule.ownAdmin", ownRole.getMessageKey());
    assertEquals("users.rule.disableSelf", ownAccount.getMessageKey());
    UserAccount still = adminAfm.call(() -> queries.openUser(self.id()));
    assertTrue(still.enabled());
    assertTrue(still.roles().contains("admin"));
    assertTrue(still.self());
  }

  @Test
  void rolesChangeOnlyFromTheRolesTheAdministratorSaw() throws Exception {
    CreatedAccount sup = create(adminAfm, login("sup"), "supervisor");

    assertThrows(
        AccountChangedException.class,
        () ->
            adminAfm.run(
                () ->
                    admin.changeRoles(
                        sup.id(), Set.of("investigator"), Set.of("investigator", "supervisor"))));
    InvalidInputException none =
        assertThrows(
            InvalidInputException.class,
            () -> adminAfm.run(() -> admin.changeRoles(sup.id(), Set.of("supervisor"), Set.of())));
    assertEquals("users.roles.required", none.getProblems().get(0).messageKey());

    adminAfm.run(
        () ->
            admin.changeRoles(
                sup.id(), Set.of("supervisor"), Set.of("investigator", "supervisor", "admin")));

    UserAccount after = adminAfm.call(() -> queries.openUser(sup.id()));
    assertEquals(List.of("investigator", "supervisor", "admin"), after.roles());
    // An administrator gives a one-time password: they enrol an authenticator first.
    assertTrue(after.requiredActions().contains("CONFIGURE_TOTP"));
    assertEquals(
        List.of(List.of("admin.afm", "afm", "roles supervisor -> investigator, supervisor, admin")),
        audit("USER_ROLES_CHANGED", sup.username()));
    assertEquals(
        List.of(List.of(",investigator,supervisor,admin,", true)),
        db.rows(
            "select roles, sessions_not_before is not null from portal_user where username = ?",
            sup.username()));
  }

  @Test
  void aDisabledInvestigatorsWorkGoesToTheOtherInvestigators() throws Exception {
    CreatedAccount created = create(adminAfm, login("leaver"), "investigator");
    User leaver = new User(created.username(), "afm", Set.of("investigator"));
    User colleague = db.user("colleague", "afm", "investigator");
    User supervisor = db.user("sup", "afm", "supervisor");
    long openCase = given.registerCase(leaver, "leaver");
    CaseDetails blocking = given.blockingCase(leaver, "leaver-b");
    long notice = given.submit(leaver, blocking);
    long version = given.noticeVersion(notice);
    supervisor.run(() -> notices.returnToInvestigator(notice, version, "Cite the court ruling."));
    UserAccount before = adminAfm.call(() -> queries.openUser(created.id()));
    assertEquals(
        Set.of("case:" + openCase, "case:" + blocking.id(), "notice:" + notice),
        held(before.held()));
    assertTrue(
        before.held().stream().allMatch(h -> h.takenOverBy().equals("investigator")),
        before.held().toString());

    adminAfm.run(() -> admin.disable(created.id()));

    UserAccount after = adminAfm.call(() -> queries.openUser(created.id()));
    assertFalse(after.enabled());
    assertEquals(
        false, db.single("select enabled from portal_user where username = ?", leaver.username()));
    // The colleague's queue shows the leaver's open cases, and the colleague is told about the
    // notification that waited for the leaver.
    List<Long> queue = colleague.call(() -> cases.myOpenCases()).stream().map(CaseRow::id).toList();
    assertTrue(queue.containsAll(List.of(openCase, blocking.id())), queue.toString());
    assertEquals(
        List.of(List.of("inbox.handedOver", "/notices/view.xhtml?id=" + notice)),
        db.rows(
            "select message_key, link from portal_notification where recipient = ?",
            colleague.username()));
    // Later hand-overs of that notification go to the colleagues, not to the disabled account.
    long toLeaver =
        db.count("select count(*) from portal_notification where recipient = ?", leaver.username());
    colleague.run(
        () ->
            notices.resubmit(
                notice,
                given.noticeVersion(notice),
                null,
                Procedures.GAMBLING_LAW,
                "With the ruling."));
    supervisor.run(
        () -> notices.returnToInvestigator(notice, given.noticeVersion(notice), "And its date."));
    assertEquals(
        toLeaver,
        db.count(
            "select count(*) from portal_notification where recipient = ?", leaver.username()));
    assertEquals(
        1,
        db.count(
            "select count(*) from portal_notification where recipient = ?"
                + " and message_key = 'inbox.returnedBySupervisor'",
            colleague.username()));
    assertEquals(
        List.of(List.of("admin.afm", "afm", "disabled; roles investigator")),
        audit("USER_DISABLED", leaver.username()));

    adminAfm.run(() -> admin.enable(created.id()));
    assertTrue(adminAfm.call(() -> queries.openUser(created.id())).enabled());
    assertEquals(
        true, db.single("select enabled from portal_user where username = ?", leaver.username()));
  }

  @Test
  void aNewTemporaryPasswordAndASignOutEverywhereAreAudited() throws Exception {
    CreatedAccount created = create(adminAfm, login("pw"), "supervisor");

    String password = adminAfm.call(() -> admin.resetPassword(created.id()));
    adminAfm.run(() -> admin.signOutEverywhere(created.id()));

    assertNotEquals(created.temporaryPassword(), password);
    assertTrue(
        adminAfm
            .call(() -> queries.openUser(created.id()))
            .requiredActions()
            .contains("UPDATE_PASSWORD"));
    assertEquals(1, audit("USER_PASSWORD_RESET", created.username()).size());
    assertEquals(1, audit("USER_SIGNED_OUT", created.username()).size());
    assertNotNull(
        db.single(
            "select sessions_not_before from portal_user where username = ?", created.username()));
    // The password itself is in no audit entry.
    assertEquals(
        0,
        db.count(
            "select count(*) from audit_entry where detail like ? or detail like ?",
            "%" + password + "%",
            "%" + created.temporaryPassword() + "%"));
  }

  @Test
  void aNewAccountNeedsAFreeLoginAndEmailAndValidFields() throws Exception {
    CreatedAccount first = create(adminAfm, login("dup"), "investigator");

    InvalidInputException taken =
        assertThrows(
            InvalidInputException.class,
            () ->
                adminAfm.call(
                    () ->
                        admin.createUser(
                            new NewUser(
                                first.username(),
                                "Other",
                                "Person",
                                first.username() + "@afm.gov.kz",
                                Set.of("investigator")))));
    InvalidInputException wrong =
        assertThrows(
            InvalidInputException.class,
            () ->
                adminAfm.call(
                    () ->
                        admin.createUser(
                            new NewUser("x y", "", "Person", "no-at-sign", Set.of()))));

    assertEquals(
        Map.of("username", "users.login.taken", "email", "users.email.taken"), problems(taken));
    assertEquals(
        Map.of(
            "username", "users.login.format",
            "firstName", "field.required",
            "email", "users.email.format",
            "roles", "users.roles.required"),
        problems(wrong));
  }

  private static String login(String what) {
    return PREFIX + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private CreatedAccount create(User who, String login, String... roles) throws Exception {
    return who.call(
        () ->
            admin.createUser(
                new NewUser(
                    login,
                    "Test",
                    login,
                    login + "@" + who.organisation() + ".gov.kz",
                    Set.of(roles))));
  }

  private UserRow row(User who, String login) throws Exception {
    return who.call(() -> queries.findUsers(login, 0, 20)).rows().stream()
        .filter(r -> r.username().equals(login))
        .findFirst()
        .orElseThrow();
  }

  /** Actor, their organisation and the detail of the audit entries of an action on a user. */
  private List<List<Object>> audit(String action, String username) throws Exception {
    return db.rows(
        "select actor, organisation, detail from audit_entry where action = ?"
            + " and subject_type = 'user' and subject_id = ? order by seq",
        action,
        username);
  }

  private long refusals(String username) throws Exception {
    return db.count(
        "select count(*) from audit_entry where action = 'ACCESS_DENIED'"
            + " and subject_type = 'user' and subject_id = ?",
        username);
  }

  private static Set<String> held(List<HeldItem> items) {
    return items.stream()
        .map(h -> h.kind() + ":" + h.id())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static Map<String, String> problems(InvalidInputException e) {
    return e.getProblems().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                InvalidInputException.Problem::field, InvalidInputException.Problem::messageKey));
  }
}
