package kz.gov.dozor.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The home page sends each user to their work; agency staff work in the case list. */
@Named
@RequestScoped
public class HomeBacking {

  @Inject private CurrentUser user;

  public String route() {
    return user.isAgencyStaff() ? "/cases/list?faces-redirect=true" : null;
  }
}
