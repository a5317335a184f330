package kz.gov.dozor.web.users;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.users.AccountChangedException;
import kz.gov.dozor.ejb.users.AccountRuleException;
import kz.gov.dozor.ejb.users.DirectoryUnavailableException;
import kz.gov.dozor.ejb.users.UserAccount;
import kz.gov.dozor.ejb.users.UserAdministration;
import kz.gov.dozor.ejb.users.UserQueries;
import kz.gov.dozor.web.platform.Messages;

/**
 * One account of the administrator's organisation: its roles (changed here), whether it is enabled,
 * its sign-ins and the work its holder has; disable, enable, a new temporary password, sign-out
 * everywhere. Another organisation's account ends in the 403 page.
 */
@Named("userView")
@ViewScoped
public class UserViewBacking implements Serializable {

  static final String ROLES = "account:roles";

  @Inject private UserQueries queries;
  @Inject private UserAdministration admin;

  private String id;
  private UserAccount account;
  private boolean unavailable;
  private List<String> roles = new ArrayList<>();

  /** Shown once, after it was set; gone when the page is left. */
  private String temporaryPassword;

  /** Reads the account when the page opens. */
  public void load() {
    try {
      account = queries.openUser(id == null ? null : id.strip());
      roles = new ArrayList<>(account.roles());
      unavailable = false;
    } catch (DirectoryUnavailableException e) {
      unavailable = true;
    }
  }

  /** Gives the account the roles ticked; they apply from the user's next sign-in. */
  public String saveRoles() {
    try {
      admin.changeRoles(
          account.id(), new LinkedHashSet<>(account.roles()), new LinkedHashSet<>(roles));
      Messages.success("users.done.roles", account.fullName());
      return again();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> ROLES);
    } catch (AccountRuleException e) {
      Messages.addError(ROLES, Messages.error(e));
    } catch (AccountChangedException e) {
      Messages.addError(null, Messages.error(e));
      load();
    } catch (DirectoryUnavailableException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  public String disable() {
    return act("users.done.disabled", () -> admin.disable(account.id()));
  }

  public String enable() {
    return act("users.done.enabled", () -> admin.enable(account.id()));
  }

  public String signOut() {
    return act("users.done.signedOut", () -> admin.signOutEverywhere(account.id()));
  }

  /** Sets a new temporary password and shows it, once, on this page. */
  public void resetPassword() {
    try {
      temporaryPassword = admin.resetPassword(account.id());
      load();
    } catch (DirectoryUnavailableException e) {
      Messages.addError(null, Messages.error(e));
    }
  }

  private String act(String doneKey, Runnable action) {
    try {
      action.run();
      Messages.success(doneKey, account.fullName());
      return again();
    } catch (AccountRuleException | DirectoryUnavailableException e) {
      Messages.addError(null, Messages.error(e));
      return null;
    }
  }

  /** The account afresh at its own address: a reload sends nothing again. */
  private String again() {
    return "/users/view?faces-redirect=true&id=" + account.id();
  }

  /** The question before disabling: what happens to the person and their work. */
  public String getDisableQuestion() {
    return Messages.text("users.disable.question", account.fullName());
  }

  public String getResetQuestion() {
    return Messages.text("users.reset.question", account.fullName());
  }

  public String getSignOutQuestion() {
    return Messages.text("users.signOut.question", account.fullName());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public UserAccount getAccount() {
    return account;
  }

  public boolean isUnavailable() {
    return unavailable;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getTemporaryPassword() {
    return temporaryPassword;
  }
}
