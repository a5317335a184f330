package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.util.List;

/**
 * The items an action is for: the ones ticked, or all that match a filter (across pages).
 *
 * @param ids the ticked items, when {@code matching} is null
 * @param matching the filter whose items are all meant, or null
 */
public record TriageSelection(List<Long> ids, TriageQuery matching) implements Serializable {

  public TriageSelection {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  public static TriageSelection of(List<Long> ids) {
    return new TriageSelection(ids, null);
  }

  public static TriageSelection allMatching(TriageQuery query) {
    return new TriageSelection(List.of(), query);
  }
}
