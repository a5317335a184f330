package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.cases.Category;

/** A category as pages show it: its code and its names in the three languages. */
public record CategoryView(
    String code, String nameKk, String nameRu, String nameEn, boolean restrictedEvidence)
    implements Serializable {

  static CategoryView of(Category c) {
    return new CategoryView(
        c.getCode(),
        c.name(Locale.forLanguageTag("kk")),
        c.name(Locale.forLanguageTag("ru")),
        c.name(Locale.ENGLISH),
        c.isRestrictedEvidence());
  }

  public String name(Locale locale) {
    return switch (locale == null ? "ru" : locale.getLanguage()) {
      case "kk" -> nameKk;
      case "en" -> nameEn;
      default -> nameRu;
    };
  }
}
