package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.cases.Category;
import kz.gov.dozor.persistence.reference.LocalizedName;

/** A category as pages show it: its code and its names in the three languages. */
public record CategoryView(String code, LocalizedName names, boolean restrictedEvidence)
    implements Serializable {

  static CategoryView of(Category c) {
    return new CategoryView(c.getCode(), c.getName(), c.isRestrictedEvidence());
  }

  public String name(Locale locale) {
    return names.in(locale);
  }
}
