package kz.gov.dozor.ejb.users;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One line of an organisation's user list; {@code lastSignInAt} is null for never. */
public record UserRow(
    String id,
    String username,
    String fullName,
    String email,
    List<String> roles,
    boolean enabled,
    Instant lastSignInAt)
    implements Serializable {}
