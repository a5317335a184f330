package kz.gov.dozor.ejb.users;

import java.util.Set;

/** A new account as an administrator describes it. */
public record NewUser(
    String username, String firstName, String lastName, String email, Set<String> roles) {}
