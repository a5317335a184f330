package kz.gov.dozor.persistence.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user as the identity provider last described them at sign-in. Services read the caller's
 * organisation from here, so every layer agrees on it.
 */
@Entity
@Table(name = "portal_user")
public class PortalUser {

  @Id private String username;

  @Column(name = "full_name")
  private String fullName;

  private String email;

  private String organisation;

  private String locale;

  private String roles;

  @Column(name = "first_sign_in_at", nullable = false)
  private Instant firstSignInAt;

  @Column(name = "last_sign_in_at", nullable = false)
  private Instant lastSignInAt;

  protected PortalUser() {}

  public PortalUser(String username, Instant firstSignInAt) {
    this.username = username;
    this.firstSignInAt = firstSignInAt;
    this.lastSignInAt = firstSignInAt;
  }

  public void signedIn(String fullName, String email, String organisation, Instant at) {
    this.fullName = fullName;
    this.email = email;
    this.organisation = organisation;
    this.lastSignInAt = at;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public String getOrganisation() {
    return organisation;
  }

  public String getRoles() {
    return roles;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public Instant getFirstSignInAt() {
    return firstSignInAt;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }
}
