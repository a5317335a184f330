package kz.gov.dozor.ejb.reference;

import static kz.gov.dozor.ejb.platform.Checks.isBlank;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.persistence.reference.LegalBasis;

/**
 * A legal basis picked from the list on a route or notification form. It must exist and still be
 * offered; the text cited is what the form sends, or the basis's citation when the text was left
 * empty.
 */
public final class PickedBasis {

  private PickedBasis() {}

  /**
   * The basis with id {@code id}, or null when none was picked; a problem for {@code field} when it
   * does not exist or is retired.
   */
  public static LegalBasis of(EntityManager em, Long id, String field, List<Problem> out) {
    if (id == null) {
      return null;
    }
    LegalBasis b = em.find(LegalBasis.class, id);
    if (b == null || !b.isActive()) {
      out.add(new Problem(field, "legalBasis.notOffered"));
      return null;
    }
    return b;
  }

  /** The text to keep: as typed, or the basis's citation (in Russian) when nothing was typed. */
  public static String text(String typed, LegalBasis picked) {
    if (!isBlank(typed)) {
      return typed.strip();
    }
    return picked == null ? null : picked.citation(Locale.forLanguageTag("ru"));
  }
}
