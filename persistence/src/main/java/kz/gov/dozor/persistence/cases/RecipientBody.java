package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A body a case can be referred to: reference data that administrators maintain. */
@Entity
@Table(name = "recipient_body")
public class RecipientBody {

  @Id private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReferralKind kind;

  @Column(name = "name_kk", nullable = false)
  private String nameKk;

  @Column(name = "name_ru", nullable = false)
  private String nameRu;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private int position;

  protected RecipientBody() {}

  public String getCode() {
    return code;
  }

  public ReferralKind getKind() {
    return kind;
  }

  public String name(Locale locale) {
    return switch (locale == null ? "ru" : locale.getLanguage()) {
      case "kk" -> nameKk;
      case "en" -> nameEn;
      default -> nameRu;
    };
  }

  public boolean isActive() {
    return active;
  }

  public int getPosition() {
    return position;
  }
}
