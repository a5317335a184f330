package kz.gov.dozor.ejb.users;

import kz.gov.dozor.ejb.platform.DozorException;

/**
 * Keycloak, the directory of the organisations' users, does not answer (or refuses the portal's
 * service account): accounts cannot be listed or changed now. The rest of the portal works on.
 */
public class DirectoryUnavailableException extends DozorException {
  public DirectoryUnavailableException() {
    super("users.directory.unavailable");
  }
}
