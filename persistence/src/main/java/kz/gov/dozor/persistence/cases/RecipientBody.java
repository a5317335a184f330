package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import kz.gov.dozor.persistence.reference.LocalizedName;

/** A body a case can be referred to: reference data that administrators maintain. */
@Entity
@Table(name = "recipient_body")
public class RecipientBody {

  @Id private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReferralKind kind;

  @Embedded private LocalizedName name;

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

  public LocalizedName getName() {
    return name;
  }

  public String name(Locale locale) {
    return name.in(locale);
  }

  public boolean isActive() {
    return active;
  }

  public int getPosition() {
    return position;
  }
}
