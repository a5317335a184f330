package kz.gov.dozor.ejb.users;

import java.util.Set;

/** The organisations that use the portal, by their identity-provider alias. */
public final class Organisations {
  /** The Agency for Financial Monitoring. */
  public static final String AFM = "afm";

  /** The Ministry of Culture and Information. */
  public static final String MCI = "mci";

  /** Agencies register and route cases; the ministry decides on block notifications. */
  public static final Set<String> AGENCIES = Set.of(AFM);

  private Organisations() {}

  public static boolean isAgency(String alias) {
    return alias != null && AGENCIES.contains(alias);
  }
}
