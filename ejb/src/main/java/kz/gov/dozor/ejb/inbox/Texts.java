package kz.gov.dozor.ejb.inbox;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import kz.gov.dozor.ejb.users.UserDirectory;

/** Inbox and e-mail texts in a given language (Kazakh, Russian or English; Russian otherwise). */
final class Texts {

  private Texts() {}

  static String text(String language, String key, Object... args) {
    Locale locale =
        Locale.forLanguageTag(
            language != null && UserDirectory.LANGUAGES.contains(language) ? language : "ru");
    try {
      String pattern =
          ResourceBundle.getBundle(
                  "kz.gov.dozor.ejb.inbox.messages",
                  locale,
                  Texts.class.getClassLoader(),
                  ResourceBundle.Control.getNoFallbackControl(
                      ResourceBundle.Control.FORMAT_DEFAULT))
              .getString(key);
      return new MessageFormat(pattern, locale).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
