package kz.gov.dozor.persistence.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user of one of the organisations, as the directory (Keycloak) or their last sign-in described
 * them. Services read the caller's organisation from here, so every layer agrees on it; hand-overs
 * reach every enabled holder of a role, including those who have never signed in.
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

  /** Null until they first sign in. */
  @Column(name = "first_sign_in_at")
  private Instant firstSignInAt;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  /** The directory's id of the account; null for users only seen at sign-in so far. */
  @Column(name = "keycloak_id")
  private String keycloakId;

  /** A disabled user cannot sign in and receives no work. */
  private boolean enabled = true;

  @Column(name = "directory_synced_at")
  private Instant directorySyncedAt;

  /** Browser sessions begun before this are over (signed out everywhere, roles changed). */
  @Column(name = "sessions_not_before")
  private Instant sessionsNotBefore;

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

  public String getKeycloakId() {
    return keycloakId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getDirectorySyncedAt() {
    return directorySyncedAt;
  }

  public Instant getSessionsNotBefore() {
    return sessionsNotBefore;
  }

  /** Whether a browser session begun at {@code createdAt} may go on. */
  public boolean admitsSessionBegunAt(Instant createdAt) {
    return enabled && (sessionsNotBefore == null || !createdAt.isBefore(sessionsNotBefore));
  }
}
