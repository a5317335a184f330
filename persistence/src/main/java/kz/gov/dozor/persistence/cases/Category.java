package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A category of violation: reference data that administrators maintain. */
@Entity
@Table(name = "category")
public class Category {

  @Id private String code;

  @Column(name = "name_kk", nullable = false)
  private String nameKk;

  @Column(name = "name_ru", nullable = false)
  private String nameRu;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(name = "restricted_evidence", nullable = false)
  private boolean restrictedEvidence;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private int position;

  protected Category() {}

  public String getCode() {
    return code;
  }

  public String name(Locale locale) {
    return switch (locale == null ? "ru" : locale.getLanguage()) {
      case "kk" -> nameKk;
      case "en" -> nameEn;
      default -> nameRu;
    };
  }

  /** Evidence of this category is never shown as a thumbnail or inline preview. */
  public boolean isRestrictedEvidence() {
    return restrictedEvidence;
  }

  public boolean isActive() {
    return active;
  }

  public int getPosition() {
    return position;
  }
}
