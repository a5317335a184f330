package kz.gov.dozor.ejb.platform;

import java.util.List;

/** Input the service refuses, with one problem per field so the page can show each in place. */
public class InvalidInputException extends DozorException {

  /**
   * A problem with one field; {@code field} names it as the command does, e.g. "resources[1].url".
   */
  public record Problem(String field, String messageKey, Object... arguments) {}

  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super("validation.failed", problems.size());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
