package kz.gov.dozor.ejb.users;

import kz.gov.dozor.ejb.platform.NotFoundException;

/** No account of the directory has this id. */
public class AccountNotFoundException extends NotFoundException {
  public AccountNotFoundException(String id) {
    super("users.notFound", id);
  }
}
