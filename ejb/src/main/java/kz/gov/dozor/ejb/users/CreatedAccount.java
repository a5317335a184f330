package kz.gov.dozor.ejb.users;

/**
 * A new account and its temporary password. The password is shown to the administrator once, to
 * pass on; the portal keeps it nowhere.
 */
public record CreatedAccount(
    String id, String username, String fullName, String temporaryPassword) {}
