package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import kz.gov.dozor.persistence.reference.LocalizedName;

/** A category of violation: reference data that administrators maintain. */
@Entity
@Table(name = "category")
public class Category {

  @Id private String code;

  @Embedded private LocalizedName name;

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

  public LocalizedName getName() {
    return name;
  }

  public String name(Locale locale) {
    return name.in(locale);
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
