package kz.gov.dozor.ejb.users;

import java.util.List;

/** A page of the user list and how many users match in all. */
public record UserPage(List<UserRow> rows, long total) {}
