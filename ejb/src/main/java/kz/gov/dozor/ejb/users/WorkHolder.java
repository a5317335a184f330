package kz.gov.dozor.ejb.users;

import java.util.List;

/**
 * A feature that gives work to persons (cases to the investigator who registered them,
 * notifications back to their drafter) says here what a person holds. The users feature asks every
 * implementation when an administrator looks at an account, without depending on those features.
 */
public interface WorkHolder {

  /** The open work {@code username} of {@code organisation} holds now. */
  List<HeldItem> heldBy(String username, String organisation);
}
