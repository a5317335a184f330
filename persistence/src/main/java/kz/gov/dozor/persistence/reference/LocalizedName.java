package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A text of reference data in Kazakh, Russian and English; Russian when the language is unknown.
 * Names by default; an entity maps other texts (a title, an article's wording) onto other columns.
 */
@Embeddable
public class LocalizedName implements Serializable {

  private static final long serialVersionUID = 1L;

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

  public String getKk() {
    return kk;
  }

  public String getRu() {
    return ru;
  }

  public String getEn() {
    return en;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalizedName n
        && Objects.equals(kk, n.kk)
        && Objects.equals(ru, n.ru)
        && Objects.equals(en, n.en);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kk, ru, en);
  }
}
