package kz.gov.dozor.ejb.users;

import jakarta.enterprise.event.Event;
import kz.gov.dozor.ejb.platform.AccessDeniedException;

/** The check every use case on one account starts with: it belongs to the caller's organisation. */
final class Members {

  private Members() {}

  /**
   * The account {@code id} of the caller's organisation. An account of another organisation (or of
   * none) is refused, and the attempt audited; an unknown id is not found.
   */
  static DirectoryAccount of(
      KeycloakDirectory directory, Event<AccountEvent> events, String id, Caller caller) {
    if (id == null || id.isBlank()) {
      throw new AccountNotFoundException(String.valueOf(id));
    }
    DirectoryAccount account =
        directory.account(id).orElseThrow(() -> new AccountNotFoundException(id));
    if (!directory.organisationsOf(id).contains(caller.organisation())) {
      events.fire(
          AccountEvent.refused(
              account.username(), "account outside " + caller.organisation() + " asked for"));
      throw new AccessDeniedException("access.otherOrganisation");
    }
    return account;
  }
}
