package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Locale;

/**
 * A name of reference data in Kazakh, Russian and English; Russian when the language is unknown.
 */
@Embeddable
public class LocalizedName implements Serializable {

  @Column(name = "name_kk", nullable = false)
  private String kk;

  @Column(name = "name_ru", nullable = false)
  private String ru;

  @Column(name = "name_en", nullable = false)
  private String en;

  protected LocalizedName() {}

  public LocalizedName(String kk, String ru, String en) {
    this.kk = kk;
    this.ru = ru;
    this.en = en;
  }

  public String in(Locale locale) {
    return switch (locale == null ? "ru" : locale.getLanguage()) {
      case "kk" -> kk;
      case "en" -> en;
      default -> ru;
    };
  }
}
