package kz.gov.dozor.ejb.users;

import java.time.Instant;
import java.util.List;

/**
 * An account as the directory (Keycloak) holds it.
 *
 * @param id the directory's id of the account
 * @param requiredActions what the user must do at their next sign-in (e.g. {@code UPDATE_PASSWORD},
 *     {@code CONFIGURE_TOTP})
 */
public record DirectoryAccount(
    String id,
    String username,
    String firstName,
    String lastName,
    String email,
    boolean enabled,
    Instant createdAt,
    List<String> requiredActions) {

  /** First and last name as people read them; the login when the directory has neither. */
  public String fullName() {
    String name =
        ((firstName == null ? "" : firstName.strip())
                + " "
                + (lastName == null ? "" : lastName.strip()))
            .strip();
    return name.isEmpty() ? username : name;
  }
}
