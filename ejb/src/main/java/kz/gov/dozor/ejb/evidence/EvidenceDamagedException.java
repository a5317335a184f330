package kz.gov.dozor.ejb.evidence;

import kz.gov.dozor.ejb.platform.DozorException;

/** An evidence file no longer has the SHA-256 recorded when it was kept: it is not handed out. */
public class EvidenceDamagedException extends DozorException {

  private static final long serialVersionUID = 1L;

  public EvidenceDamagedException(String fileName) {
    super("evidence.damaged", fileName);
  }
}
