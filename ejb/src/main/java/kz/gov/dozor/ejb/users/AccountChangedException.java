package kz.gov.dozor.ejb.users;

import kz.gov.dozor.ejb.platform.DozorException;

/** The account was changed by someone else since the administrator looked at it. */
public class AccountChangedException extends DozorException {
  public AccountChangedException() {
    super("users.changedMeanwhile");
  }
}
