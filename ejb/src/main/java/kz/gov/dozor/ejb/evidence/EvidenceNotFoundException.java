package kz.gov.dozor.ejb.evidence;

import kz.gov.dozor.ejb.platform.NotFoundException;

/** No evidence with this id. */
public class EvidenceNotFoundException extends NotFoundException {
  public EvidenceNotFoundException(long id) {
    super("evidence.notFound", id);
  }
}
