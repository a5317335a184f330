package kz.gov.dozor.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The home page sends each user to their work queue: investigators to their cases, supervisors to
 * notifications awaiting sign-off, officers to the ministry's inbox.
 */
@Named
@RequestScoped
public class HomeBacking {

  @Inject private CurrentUser user;

  public String route() {
    if (user.isAgencyStaff() || user.isOfficer()) {
      return "/notices/list?faces-redirect=true";
    }
    return null;
  }
}
