package kz.gov.dozor.ejb.users;

/** Realm roles as the identity provider issues them. */
public final class Roles {
  public static final String INVESTIGATOR = "investigator";
  public static final String SUPERVISOR = "supervisor";
  public static final String OFFICER = "officer";
  public static final String ADMIN = "admin";

  private Roles() {}
}
