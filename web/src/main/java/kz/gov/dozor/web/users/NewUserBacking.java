package kz.gov.dozor.web.users;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.users.CreatedAccount;
import kz.gov.dozor.ejb.users.DirectoryUnavailableException;
import kz.gov.dozor.ejb.users.NewUser;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.UserAdministration;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.session.CurrentUser;

/**
 * A new account of the administrator's organisation. Once created, its temporary password is shown
 * on this page, once, for the administrator to pass on; the form is gone.
 */
@Named("newUser")
@ViewScoped
public class NewUserBacking implements Serializable {

  static final String FORM = "userForm:";

  @Inject private UserAdministration admin;
  @Inject private CurrentUser currentUser;

  private String username;
  private String firstName;
  private String lastName;
  private String email;
  private List<String> roles = new ArrayList<>();
  private CreatedAccount created;

  public void create() {
    try {
      created =
          admin.createUser(
              new NewUser(username, firstName, lastName, email, new LinkedHashSet<>(roles)));
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> FORM + field);
    } catch (DirectoryUnavailableException e) {
      Messages.addError(null, Messages.error(e));
    }
  }

  /** The roles the administrator's organisation gives, in the portal's order. */
  public List<String> getAssignableRoles() {
    return List.copyOf(Organisations.rolesOf(currentUser.getOrganisation()));
  }

  public CreatedAccount getCreated() {
    return created;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }
}
