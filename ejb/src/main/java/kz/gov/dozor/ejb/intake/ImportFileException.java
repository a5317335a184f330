package kz.gov.dozor.ejb.intake;

/**
 * A file that cannot be imported as a whole (not CSV or XLSX, too large, malformed, a bomb, no
 * {@code url} column), with a message key and arguments for the user.
 */
public class ImportFileException extends Exception {

  private final String messageKey;
  private final transient Object[] arguments;

  public ImportFileException(String messageKey, Object... arguments) {
    super(messageKey);
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
