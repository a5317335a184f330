package kz.gov.dozor.web.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.users.UserDirectory;

/**
 * The user's language: Kazakh, Russian or English. The choice sticks: it is kept with the user and
 * in a cookie, and the next session starts with it.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

  static final String COOKIE = "dozor-lang";
  static final List<String> LANGUAGES = List.of("kk", "ru", "en");
  static final String DEFAULT = "ru";

  @Inject private UserDirectory users;

  private String language;

  public String getLanguage() {
    if (language == null) {
      language = initialLanguage();
    }
    return language;
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguage());
  }

  public List<String> getLanguages() {
    return LANGUAGES;
  }

  /** Switches the language and shows the same page again in it. */
  public String choose(String lang) {
    if (!LANGUAGES.contains(lang)) {
      return null;
    }
    language = lang;
    users.chooseLanguage(lang);
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getViewRoot().setLocale(getLocale());
    ExternalContext ec = fc.getExternalContext();
    ec.addResponseCookie(
        COOKIE,
        lang,
        Map.of(
            "maxAge",
            365 * 24 * 3600,
            "path",
            ec.getRequestContextPath() + "/",
            "httpOnly",
            true,
            "SameSite",
            "Lax"));
    return fc.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }

  private String initialLanguage() {
    String stored = users.preferredLanguage();
    if (stored != null && LANGUAGES.contains(stored)) {
      return stored;
    }
    FacesContext fc = FacesContext.getCurrentInstance();
    if (fc == null) {
      return DEFAULT;
    }
    Object cookie = fc.getExternalContext().getRequestCookieMap().get(COOKIE);
    if (cookie instanceof Cookie c && LANGUAGES.contains(c.getValue())) {
      return c.getValue();
    }
    if (fc.getExternalContext().getRequest() instanceof HttpServletRequest req) {
      for (Locale l : Collections.list(req.getLocales())) {
        if (LANGUAGES.contains(l.getLanguage())) {
          return l.getLanguage();
        }
      }
    }
    return DEFAULT;
  }
}
