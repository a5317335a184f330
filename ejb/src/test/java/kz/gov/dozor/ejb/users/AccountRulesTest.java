package kz.gov.dozor.ejb.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  private static final BooleanSupplier ANOTHER_ADMIN = () -> true;
  private static final BooleanSupplier NO_OTHER_ADMIN = () -> false;

  private static final BooleanSupplier NOT_ASKED =
      () -> {
        throw new AssertionError("asked whether another administrator exists");
      };

  @Test
  void eachOrganisationGivesOnlyItsOwnRoles() {
    assertThat(AccountRules.foreignRoles("afm", Set.of("investigator", "supervisor", "admin")))
        .isEmpty();
    assertThat(AccountRules.foreignRoles("afm", Set.of("investigator", "officer")))
        .containsExactly("officer");
    assertThat(AccountRules.foreignRoles("mci", Set.of("officer", "admin"))).isEmpty();
    assertThat(AccountRules.foreignRoles("mci", Set.of("supervisor", "investigator", "officer")))
        .containsExactly("investigator", "supervisor");
    assertThat(AccountRules.foreignRoles(null, Set.of("admin"))).containsExactly("admin");
  }

  @Test
  void aNewAccountNeedsALoginOfLettersAndDigitsANameAnEmailAndARole() {
    assertThat(
            AccountRules.checkNewAccount(
                "aidana.s", "Aidana", "Seitkali", "aidana@afm.gov.kz", Set.of("investigator")))
        .isEmpty();

    List<Problem> problems =
        AccountRules.checkNewAccount("Ai", "<b>Aidana</b>", " ", "aidana-at-afm", Set.of());

    assertThat(problems)
        .extracting(Problem::field, Problem::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("username", "users.login.format"),
            org.assertj.core.groups.Tuple.tuple("firstName", "users.name.characters"),
            org.assertj.core.groups.Tuple.tuple("lastName", "field.required"),
            org.assertj.core.groups.Tuple.tuple("email", "users.email.format"),
            org.assertj.core.groups.Tuple.tuple("roles", "users.roles.required"));
  }

  @Test
  void loginsAreKeptInLowerCaseAndRefusedWithSpacesOrCyrillic() {
    assertThat(AccountRules.normalizeLogin("  Aidana.S ")).isEqualTo("aidana.s");
    assertThat(AccountRules.LOGIN.matcher("aidana s").matches()).isFalse();
    assertThat(AccountRules.LOGIN.matcher("айдана").matches()).isFalse();
    assertThat(AccountRules.LOGIN.matcher("-aidana").matches()).isFalse();
    assertThat(AccountRules.LOGIN.matcher("a".repeat(41)).matches()).isFalse();
    assertThat(AccountRules.LOGIN.matcher("inv_2-x.y").matches()).isTrue();
  }

  @Test
  void emailAddressesNeedOneAtAndADomainWithADot() {
    assertThat(AccountRules.EMAIL.matcher("a.b@afm.gov.kz").matches()).isTrue();
    assertThat(AccountRules.EMAIL.matcher("a@localhost").matches()).isFalse();
    assertThat(AccountRules.EMAIL.matcher("a@@afm.kz").matches()).isFalse();
    assertThat(AccountRules.EMAIL.matcher("a b@afm.kz").matches()).isFalse();
  }

  @Test
  void officersAndAdministratorsEnrolAnAuthenticatorAtTheirFirstSignIn() {
    assertThat(AccountRules.firstSignInActions(Set.of("investigator")))
        .containsExactly("UPDATE_PASSWORD");
    assertThat(AccountRules.firstSignInActions(Set.of("officer")))
        .containsExactly("UPDATE_PASSWORD", "CONFIGURE_TOTP");
    assertThat(AccountRules.firstSignInActions(Set.of("supervisor", "admin")))
        .containsExactly("UPDATE_PASSWORD", "CONFIGURE_TOTP");
  }

  @Test
  void nobodyTakesAwayTheirOwnAdministratorRole() {
    assertThat(
            AccountRules.refusalOfRoleChange(
                true, true, Set.of("admin", "investigator"), Set.of("investigator"), NOT_ASKED))
        .contains("users.rule.ownAdmin");
    assertThat(
            AccountRules.refusalOfRoleChange(
                true, true, Set.of("admin"), Set.of("admin", "supervisor"), NOT_ASKED))
        .isEmpty();
  }

  @Test
  void theLastEnabledAdministratorKeepsTheRoleAndTheAccount() {
    assertThat(
            AccountRules.refusalOfRoleChange(
                false, true, Set.of("admin"), Set.of("investigator"), NO_OTHER_ADMIN))
        .contains("users.rule.lastAdmin");
    assertThat(
            AccountRules.refusalOfRoleChange(
                false, true, Set.of("admin"), Set.of("investigator"), ANOTHER_ADMIN))
        .isEmpty();
    // A disabled administrator is not the one who keeps the organisation running.
    assertThat(
            AccountRules.refusalOfRoleChange(
                false, false, Set.of("admin"), Set.of("investigator"), NOT_ASKED))
        .isEmpty();

    assertThat(AccountRules.refusalOfDisabling(false, true, Set.of("admin"), NO_OTHER_ADMIN))
        .contains("users.rule.lastAdmin");
    assertThat(AccountRules.refusalOfDisabling(false, true, Set.of("admin"), ANOTHER_ADMIN))
        .isEmpty();
    assertThat(AccountRules.refusalOfDisabling(false, true, Set.of("supervisor"), NOT_ASKED))
        .isEmpty();
  }

  @Test
  void nobodyDisablesTheirOwnAccount() {
    assertThat(AccountRules.refusalOfDisabling(true, true, Set.of("admin"), NOT_ASKED))
        .isEqualTo(Optional.of("users.rule.disableSelf"));
  }

  @Test
  void theAuditLogReadsRolesInTheirUsualOrder() {
    assertThat(AccountRules.describe(Set.of("admin", "investigator")))
        .isEqualTo("investigator, admin");
    assertThat(AccountRules.describe(Set.of())).isEqualTo("none");
  }
}
