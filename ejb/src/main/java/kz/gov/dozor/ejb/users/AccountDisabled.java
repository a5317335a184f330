package kz.gov.dozor.ejb.users;

/**
 * An account was disabled (by an administrator in the portal, or in Keycloak as the directory's
 * sync found). Fired in the transaction that records it, after the directory's copy says so: the
 * features that gave the person work hand it to the others of the same role.
 */
public record AccountDisabled(String username, String organisation) {}
