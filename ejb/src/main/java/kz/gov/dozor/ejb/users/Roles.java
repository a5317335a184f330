package kz.gov.dozor.ejb.users;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Realm roles as the identity provider issues them. */
public final class Roles {
  public static final String INVESTIGATOR = "investigator";
  public static final String SUPERVISOR = "supervisor";
  public static final String OFFICER = "officer";
  public static final String ADMIN = "admin";

  /**
   * A monitoring system's client (client-credentials), bound to an agency: it reports detections
   * through the intake API and nothing else. Not a portal role: no person holds it.
   */
  public static final String DETECTOR = "detector";

  /** An internet provider's system: reads the registry API, nothing else. */
  public static final String PROVIDER = "provider";

  /** The portal's roles, in the order pages list them. */
  public static final List<String> PORTAL = List.of(INVESTIGATOR, SUPERVISOR, OFFICER, ADMIN);

  /**
   * Roles whose holders give a one-time password after their password: in the realm they contain
   * the role {@code second-factor}, which the sign-in flow asks about.
   */
  public static final Set<String> SECOND_FACTOR = Set.of(OFFICER, ADMIN);

  private Roles() {}

  /** The portal's roles among {@code roles}, in the order of {@link #PORTAL}. */
  public static List<String> portalRolesAmong(java.util.Collection<String> roles) {
    return PORTAL.stream().filter(roles::contains).toList();
  }

  /** Roles as the directory's copy keeps them: ",a,b," so that one can be found with LIKE. */
  public static String encode(java.util.Collection<String> roles) {
    StringBuilder out = new StringBuilder(",");
    for (String role : portalRolesAmong(roles)) {
      out.append(role).append(',');
    }
    return out.toString();
  }

  /** The roles of a value written by {@link #encode}. */
  public static Set<String> decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(encoded.split(","))
        .filter(r -> !r.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
