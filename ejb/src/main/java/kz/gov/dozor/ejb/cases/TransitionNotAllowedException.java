package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.persistence.cases.CaseStatus;

/** The case cannot go from its state to the one asked for (see {@link CaseStatus#next()}). */
public class TransitionNotAllowedException extends DozorException {
  public TransitionNotAllowedException(CaseStatus from, CaseStatus to) {
    super("case.transitionNotAllowed", from, to);
  }

  public TransitionNotAllowedException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
