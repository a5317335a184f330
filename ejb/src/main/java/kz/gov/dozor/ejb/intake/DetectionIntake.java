package kz.gov.dozor.ejb.intake;

import java.util.List;

/**
 * The one way reports enter the portal, for the API and for file imports alike: each item is
 * validated on its own, suppression rules are applied, and what remains is de-duplicated by
 * normalised URL against pending triage items, open cases and active blocks, so that a URL already
 * known is counted where it is instead of becoming new work.
 */
public interface DetectionIntake {

  /** The most reports one call takes. */
  int MAX_BATCH = 1000;

  /**
   * Receives a batch. Returns one outcome per item, in the items' order. Rejected items store
   * nothing; everything else is stored in the caller's transaction, so a failed transaction stores
   * none of the batch.
   */
  List<DetectionOutcome> receive(Delivery delivery, List<IncomingDetection> items);
}
