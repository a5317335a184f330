package kz.gov.dozor.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.web.platform.Messages;

/** Who is looking at the page: for the header and for what the page offers them. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private UserDirectory users;
  @Inject private ExternalContext external;

  private Caller caller;

  private Caller caller() {
    if (caller == null) {
      caller = users.currentCaller();
    }
    return caller;
  }

  public String getDisplayName() {
    return caller().displayName();
  }

  public String getOrganisation() {
    return caller().organisation();
  }

  public String getOrganisationName() {
    String org = caller().organisation();
    return org == null ? Messages.text("org.none") : Messages.text("org." + org);
  }

  public boolean isInvestigator() {
    return inAgency() && external.isUserInRole(Roles.INVESTIGATOR);
  }

  public boolean isSupervisor() {
    return inAgency() && external.isUserInRole(Roles.SUPERVISOR);
  }

  /** Agency staff work with cases. */
  public boolean isAgencyStaff() {
    return isInvestigator() || isSupervisor();
  }

  public boolean isOfficer() {
    return external.isUserInRole(Roles.OFFICER);
  }

  public boolean isAdmin() {
    return external.isUserInRole(Roles.ADMIN);
  }

  /** An agency's administrators keep its suppression rules. */
  public boolean isAgencyAdmin() {
    return inAgency() && isAdmin();
  }

  public String getRoleNames() {
    List<String> names = new ArrayList<>();
    for (String role : List.of(Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN)) {
      if (external.isUserInRole(role)) {
        names.add(Messages.text("role." + role));
      }
    }
    return names.isEmpty() ? Messages.text("role.none") : String.join(", ", names);
  }

  private boolean inAgency() {
    return Organisations.isAgency(caller().organisation());
  }
}
