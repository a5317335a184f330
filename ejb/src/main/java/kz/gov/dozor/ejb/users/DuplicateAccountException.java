package kz.gov.dozor.ejb.users;

import kz.gov.dozor.ejb.platform.DozorException;

/** The directory has an account with this login or e-mail address already. */
public class DuplicateAccountException extends DozorException {

  private final boolean email;

  public DuplicateAccountException(boolean email) {
    super(email ? "users.email.taken" : "users.login.taken");
    this.email = email;
  }

  /** Whether the e-mail address (rather than the login) is taken. */
  public boolean isEmail() {
    return email;
  }
}
