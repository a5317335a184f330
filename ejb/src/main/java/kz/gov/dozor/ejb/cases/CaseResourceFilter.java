package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import kz.gov.dozor.ejb.platform.Like;

/**
 * Which resources of a case a page shows: text anywhere in the URL (as entered or normalised), the
 * ministry's answer on it, and whether only those a new notification may name ({@code freeOnly}: in
 * no open notification and not blocked). Null or blank means any.
 */
public record CaseResourceFilter(String urlText, State state, boolean freeOnly)
    implements Serializable {

  /**
   * Where a resource stands with the ministry: its {@link CaseDetails.ResourceOutcome}, or none.
   */
  public enum State {
    /** Never put in a notification. */
    NONE,
    IN_REVIEW,
    AWAITING_DECISION,
    RETURNED,
    BLOCKED,
    REFUSED,
    LIFTED
  }

  public static final CaseResourceFilter ALL = new CaseResourceFilter(null, null, false);

  /** The resources a new notification may name whose address contains the text. */
  public static CaseResourceFilter free(String urlText) {
    return new CaseResourceFilter(urlText, null, true);
  }

  /** Whether this filter keeps every resource: the case page's first page needs no query. */
  public boolean isAll() {
    return urlPattern() == null && state == null && !freeOnly;
  }

  /** The URL text as a LIKE pattern (escape character {@code !}), or null when not filtered. */
  String urlPattern() {
    return urlText == null || urlText.isBlank() ? null : Like.contains(urlText);
  }
}
