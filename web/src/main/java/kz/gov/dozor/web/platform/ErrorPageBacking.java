package kz.gov.dozor.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** What the error pages show: the incident's id, and where to go back after an expired page. */
@Named("errorPage")
@RequestScoped
public class ErrorPageBacking {

  /** The incident the request ran into (500 page), or the one named in the address (Ajax). */
  public String getIncident() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    Object own = ec.getRequestMap().get(Incidents.ATTRIBUTE);
    if (own instanceof String id) {
      return id;
    }
    String named = ec.getRequestParameterMap().get("id");
    return Incidents.isId(named) ? named : null;
  }

  /** The page to open again: the one the user was on, if it was one of the portal's. */
  public String getAgainUrl() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    return ec.getRequestContextPath() + safePage(ec.getRequestParameterMap().get("page"));
  }

  static String safePage(String page) {
    if (page == null
        || !page.startsWith("/")
        || page.startsWith("//")
        || page.contains("\\")
        || page.startsWith("/errors/")
        || page.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return page;
  }
}
