package kz.gov.dozor.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;

/** Texts from the message bundles, in the language of the current view. */
public final class Messages {

  public static final String BUNDLE = "kz.gov.dozor.web.messages";

  private Messages() {}

  public static String text(String key, Object... args) {
    FacesContext fc = FacesContext.getCurrentInstance();
    Locale locale =
        fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
    return text(locale, key, args);
  }

  public static String text(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern =
          ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader()).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  public static FacesMessage error(String key, Object... args) {
    String text = text(key, args);
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
  }

  public static FacesMessage error(DozorException e) {
    return error(e.getMessageKey(), e.getArguments());
  }

  /**
   * Shows each problem of a refused command next to its field; {@code clientIdOf} names the
   * component of a field (null puts the message at the top of the page).
   */
  public static void addProblems(
      InvalidInputException e, java.util.function.Function<String, String> clientIdOf) {
    for (InvalidInputException.Problem p : e.getProblems()) {
      addError(clientIdOf.apply(p.field()), error(p.messageKey(), p.arguments()));
    }
  }

  /**
   * Confirms a completed action: a short message at the top of the page, kept across the redirect
   * that usually follows so that the user sees it beside the new state.
   */
  public static void success(String key, Object... args) {
    FacesContext fc = FacesContext.getCurrentInstance();
    String text = text(key, args);
    fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    fc.getExternalContext().getFlash().setKeepMessages(true);
  }

  /** Adds an error message to a component (by client id), or to the page when it is null. */
  public static void addError(String clientId, FacesMessage message) {
    FacesContext.getCurrentInstance().addMessage(clientId, message);
  }
}
