package kz.gov.dozor.web.platform;

import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * An unexpected error becomes an incident: a short id the user is shown and can quote, and one
 * entry in the server log that carries the same id with the whole stack trace.
 */
public final class Incidents {

  /** Request attribute holding the id of the incident the current request ran into. */
  public static final String ATTRIBUTE = Incidents.class.getName() + ".id";

  static final Logger LOG = Logger.getLogger(Incidents.class.getName());

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final Pattern ID = Pattern.compile("DZ-[0-9A-HJKMNP-TV-Z]{10}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Incidents() {}

  /** Logs the error once, under a new id, and returns the id. */
  public static String record(Throwable error, String where) {
    String id = newId();
    LogRecord entry =
        new LogRecord(Level.SEVERE, "incident " + id + " at " + where + ": " + rootCause(error));
    entry.setLoggerName(LOG.getName());
    entry.setThrown(error);
    LOG.log(entry);
    return id;
  }

  /** Whether a text is an incident id (anything else is never shown). */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  static String newId() {
    StringBuilder s = new StringBuilder("DZ-");
    for (int i = 0; i < 10; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  static String rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName();
  }
}
