package kz.gov.dozor.ejb.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void theCopyKeepsThePortalsRolesSoThatOneIsFoundWithLike() {
    assertThat(Roles.encode(Set.of("admin", "default-roles-dozor", "supervisor")))
        .isEqualTo(",supervisor,admin,");
    assertThat(Roles.encode(List.of())).isEqualTo(",");
    assertThat(Roles.decode(",supervisor,admin,")).containsExactly("supervisor", "admin");
    assertThat(Roles.decode(null)).isEmpty();
  }

  @Test
  void theAgencyAndTheMinistryGiveTheirOwnRolesAndBothHaveAdministrators() {
    assertThat(Organisations.rolesOf(Organisations.AFM))
        .containsExactly("investigator", "supervisor", "admin");
    assertThat(Organisations.rolesOf(Organisations.MCI)).containsExactly("officer", "admin");
    assertThat(Organisations.rolesOf("elsewhere")).isEmpty();
  }
}
