package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/**
 * A category of violation. A retired category is no longer offered for new cases; the cases filed
 * under it keep it.
 */
@Entity
@Table(name = "category")
public class Category {

  @Id private String code;

  @Version private long version;

  @Embedded private LocalizedName name;

  @Column(name = "restricted_evidence", nullable = false)
  private boolean restrictedEvidence;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private int position;

  protected Category() {}

  public Category(String code, LocalizedName name, boolean restrictedEvidence, int position) {
    this.code = code;
    this.name = name;
    this.restrictedEvidence = restrictedEvidence;
    this.position = position;
    this.active = true;
  }

  public void change(LocalizedName name, boolean restrictedEvidence, int position) {
    this.name = name;
    this.restrictedEvidence = restrictedEvidence;
    this.position = position;
  }

  /** Retires (false) or reinstates (true) the category. */
  public void setActive(boolean active) {
    this.active = active;
  }

  public String getCode() {
    return code;
  }

  public long getVersion() {
    return version;
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
