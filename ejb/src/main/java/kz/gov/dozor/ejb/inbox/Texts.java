package kz.gov.dozor.ejb.inbox;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Notification texts in the recipient's language. */
final class Texts {

  private Texts() {}

  static String text(String language, String key, Object... args) {
    Locale locale = Locale.forLanguageTag(language == null ? "ru" : language);
    try {
      String pattern =
          ResourceBundle.getBundle(
                  "kz.gov.dozor.ejb.inbox.messages", locale, Texts.class.getClassLoader())
              .getString(key);
      return new MessageFormat(pattern, locale).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
