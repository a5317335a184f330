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

  /**
   * What the home page tells the user about their work: administrators where they keep the audit
   * log and the deadlines; only someone without any role is sent to an administrator.
   */
  public String getGuideKey() {
    if (user.isAdmin()) {
      return "home.admin";
    }
    if (user.isOfficer()) {
      return "home.officer";
    }
    if (user.isAgencyStaff()) {
      return null;
    }
    return "home.other";
  }
}
