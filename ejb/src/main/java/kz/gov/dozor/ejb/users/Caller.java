package kz.gov.dozor.ejb.users;

/** The signed-in user on whose behalf a service runs. */
public record Caller(String username, String organisation, String fullName) {

  public boolean belongsTo(String org) {
    return organisation != null && organisation.equals(org);
  }

  public String displayName() {
    return fullName == null || fullName.isBlank() ? username : fullName;
  }
}
