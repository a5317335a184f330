package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.cases.RecipientBody;
import kz.gov.dozor.persistence.cases.ReferralKind;

/** A recipient body as pages show it. */
public record RecipientBodyView(
    String code, ReferralKind kind, String nameKk, String nameRu, String nameEn)
    implements Serializable {

  static RecipientBodyView of(RecipientBody b) {
    return new RecipientBodyView(
        b.getCode(),
        b.getKind(),
        b.name(Locale.forLanguageTag("kk")),
        b.name(Locale.forLanguageTag("ru")),
        b.name(Locale.ENGLISH));
  }

  public String name(Locale locale) {
    return switch (locale == null ? "ru" : locale.getLanguage()) {
      case "kk" -> nameKk;
      case "en" -> nameEn;
      default -> nameRu;
    };
  }
}
