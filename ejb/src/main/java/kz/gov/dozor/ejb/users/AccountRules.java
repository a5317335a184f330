package kz.gov.dozor.ejb.users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;

/**
 * The rules of an organisation's accounts, apart from where the accounts are kept: what a new
 * account needs, which roles an organisation gives, and which changes would leave an organisation
 * without an administrator.
 */
final class AccountRules {

  /** Lower-case letters, digits, dot, hyphen and underscore; starts with a letter or digit. */
  static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  /** One "@", a dot in the domain, no spaces: what a mail server accepts, roughly. */
  static final Pattern EMAIL =
      Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);

  /** The characters Keycloak's user profile refuses in a person's name. */
  static final Pattern NAME_REFUSED = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()]");

  static final int MAX_NAME = 100;
  static final int MAX_EMAIL = 254;

  /** Required actions Keycloak knows. */
  static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

  static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

  private AccountRules() {}

  /** A login as the directory keeps it: trimmed, lower case. */
  static String normalizeLogin(String login) {
    return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
  }

  /** What is wrong with a new account's fields, one problem per field. */
  static List<Problem> checkNewAccount(
      String login, String firstName, String lastName, String email, Set<String> roles) {
    List<Problem> problems = new ArrayList<>();
    if (Checks.isBlank(login)) {
      problems.add(new Problem("username", "field.required"));
    } else if (!LOGIN.matcher(login).matches()) {
      problems.add(new Problem("username", "users.login.format"));
    }
    checkName("firstName", firstName, problems);
    checkName("lastName", lastName, problems);
    if (Checks.isBlank(email)) {
      problems.add(new Problem("email", "field.required"));
    } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
      problems.add(new Problem("email", "users.email.format"));
    }
    if (roles == null || roles.isEmpty()) {
      problems.add(new Problem("roles", "users.roles.required"));
    }
    return problems;
  }

  private static void checkName(String field, String value, List<Problem> problems) {
    Checks.required(field, value, MAX_NAME, problems);
    if (value != null && NAME_REFUSED.matcher(value).find()) {
      problems.add(new Problem(field, "users.name.characters"));
    }
  }

  /** The roles among {@code roles} that {@code organisation} does not give. */
  static List<String> foreignRoles(String organisation, Set<String> roles) {
    Set<String> own = Organisations.rolesOf(organisation);
    return roles.stream().filter(r -> !own.contains(r)).sorted().toList();
  }

  /**
   * What a new account must do at its first sign-in: set its own password, and enrol an
   * authenticator if one of its roles asks for a one-time password.
   */
  static Set<String> firstSignInActions(Set<String> roles) {
    Set<String> actions = new LinkedHashSet<>();
    actions.add(UPDATE_PASSWORD);
    if (needsSecondFactor(roles)) {
      actions.add(CONFIGURE_TOTP);
    }
    return actions;
  }

  static boolean needsSecondFactor(Set<String> roles) {
    return roles.stream().anyMatch(Roles.SECOND_FACTOR::contains);
  }

  /**
   * Why a change of roles is refused, if it is: nobody takes away their own administrator role, and
   * an organisation keeps at least one enabled administrator. {@code anotherAdmin} is asked only
   * when it matters.
   */
  static Optional<String> refusalOfRoleChange(
      boolean self,
      boolean targetEnabled,
      Set<String> before,
      Set<String> after,
      BooleanSupplier anotherAdmin) {
    boolean losesAdmin = before.contains(Roles.ADMIN) && !after.contains(Roles.ADMIN);
    if (!losesAdmin) {
      return Optional.empty();
    }
    if (self) {
      return Optional.of("users.rule.ownAdmin");
    }
    if (targetEnabled && !anotherAdmin.getAsBoolean()) {
      return Optional.of("users.rule.lastAdmin");
    }
    return Optional.empty();
  }

  /** Why disabling an account is refused, if it is: not one's own, not the last administrator. */
  static Optional<String> refusalOfDisabling(
      boolean self, boolean targetEnabled, Set<String> roles, BooleanSupplier anotherAdmin) {
    if (self) {
      return Optional.of("users.rule.disableSelf");
    }
    if (targetEnabled && roles.contains(Roles.ADMIN) && !anotherAdmin.getAsBoolean()) {
      return Optional.of("users.rule.lastAdmin");
    }
    return Optional.empty();
  }

  /** Roles as the audit log reads them: "investigator, supervisor", or "none". */
  static String describe(Set<String> roles) {
    List<String> ordered = Roles.portalRolesAmong(roles);
    return ordered.isEmpty() ? "none" : String.join(", ", ordered);
  }
}
