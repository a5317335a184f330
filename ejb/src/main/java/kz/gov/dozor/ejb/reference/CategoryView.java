package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.reference.Category;
import kz.gov.dozor.persistence.reference.LocalizedName;

/**
 * A category as pages show it: its code, names in the three languages, whether its evidence is
 * restricted, its place in lists, whether it is still offered ({@code active}) and the version an
 * edit starts from.
 */
public record CategoryView(
    String code,
    LocalizedName names,
    boolean restrictedEvidence,
    int position,
    boolean active,
    long version)
    implements Serializable {

  public static CategoryView of(Category c) {
    return new CategoryView(
        c.getCode(),
        c.getName(),
        c.isRestrictedEvidence(),
        c.getPosition(),
        c.isActive(),
        c.getVersion());
  }

  public String name(Locale locale) {
    return names.in(locale);
  }
}
