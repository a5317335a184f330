package kz.gov.dozor.ejb.registry;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the registry page is filtered by; every field may be null (no condition).
 *
 * @param active true for restricted entries, false for lifted ones
 * @param urlText text anywhere in the normalised URL
 * @param decisionNumber text in the decision's number
 * @param body the issuing body's code
 * @param from first day (Almaty) the block was entered
 * @param to last day (Almaty) the block was entered
 * @param urgent true for urgent entries only, false for the others
 */
public record RegistryFilter(
    Boolean active,
    String urlText,
    String decisionNumber,
    String body,
    LocalDate from,
    LocalDate to,
    Boolean urgent)
    implements Serializable {

  public static final RegistryFilter ACTIVE =
      new RegistryFilter(Boolean.TRUE, null, null, null, null, null, null);
}
