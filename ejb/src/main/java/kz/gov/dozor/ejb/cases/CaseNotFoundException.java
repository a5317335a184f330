package kz.gov.dozor.ejb.cases;

import kz.gov.dozor.ejb.platform.NotFoundException;

/** No case with this id. */
public class CaseNotFoundException extends NotFoundException {
  public CaseNotFoundException(long id) {
    super("case.notFound", id);
  }
}
