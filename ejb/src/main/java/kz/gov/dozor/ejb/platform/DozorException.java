package kz.gov.dozor.ejb.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A business error the user can understand. It carries a message-bundle key and arguments, so the
 * web tier shows it in the user's language; it always rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DozorException extends RuntimeException {

  private final String messageKey;
  private final Object[] arguments;

  protected DozorException(String messageKey, Object... arguments) {
    super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String getMessageKey() {
    return messageKey;
  }

  public Object[] getArguments() {
    return arguments.clone();
  }
}
