package kz.gov.dozor.ejb.users;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The organisations that use the portal, by their identity-provider alias. */
public final class Organisations {
  /** The Agency for Financial Monitoring. */
  public static final String AFM = "afm";

  /** The Ministry of Culture and Information. */
  public static final String MCI = "mci";

  /** Agencies register and route cases; the ministry decides on block notifications. */
  public static final Set<String> AGENCIES = Set.of(AFM);

  /** Every organisation of the portal: the directory keeps the members of these. */
  public static final List<String> ALL = List.of(AFM, MCI);

  private Organisations() {}

  public static boolean isAgency(String alias) {
    return alias != null && AGENCIES.contains(alias);
  }

  /**
   * The roles an organisation's administrators give: an agency's staff investigate and supervise,
   * the ministry's officers decide; each has administrators. Nobody gets the other side's roles.
   */
  public static Set<String> rolesOf(String alias) {
    Set<String> roles = new LinkedHashSet<>();
    if (isAgency(alias)) {
      roles.add(Roles.INVESTIGATOR);
      roles.add(Roles.SUPERVISOR);
      roles.add(Roles.ADMIN);
    } else if (MCI.equals(alias)) {
      roles.add(Roles.OFFICER);
      roles.add(Roles.ADMIN);
    }
    return roles;
  }
}
