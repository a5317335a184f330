package kz.gov.dozor.ejb.users;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account as its administrator sees it: the directory's data, the portal's sign-ins, what the
 * person holds and who takes it over.
 *
 * @param roles the portal's roles the account holds now (the version a change of roles names)
 * @param assignableRoles the roles the administrator's organisation gives
 * @param requiredActions what the user must still do at their next sign-in
 * @param self whether it is the administrator's own account
 * @param held the open work the person holds
 * @param otherHolders for each role the person holds, how many other enabled users hold it
 */
public record UserAccount(
    String id,
    String username,
    String firstName,
    String lastName,
    String fullName,
    String email,
    String organisation,
    boolean enabled,
    Instant createdAt,
    Instant firstSignInAt,
    Instant lastSignInAt,
    List<String> roles,
    List<String> assignableRoles,
    List<String> requiredActions,
    boolean self,
    List<HeldItem> held,
    Map<String, Long> otherHolders)
    implements Serializable {}
