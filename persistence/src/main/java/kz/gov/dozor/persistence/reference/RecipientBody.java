package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/**
 * A body a case can be referred to. A retired body is no longer offered for referrals; the
 * referrals sent to it keep it.
 */
@Entity
@Table(name = "recipient_body")
public class RecipientBody {

  @Id private String code;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReferralKind kind;

  @Embedded private LocalizedName name;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private int position;

  protected RecipientBody() {}

  public RecipientBody(String code, ReferralKind kind, LocalizedName name, int position) {
    this.code = code;
    this.kind = kind;
    this.name = name;
    this.position = position;
    this.active = true;
  }

  public void change(ReferralKind kind, LocalizedName name, int position) {
    this.kind = kind;
    this.name = name;
    this.position = position;
  }

  /** Retires (false) or reinstates (true) the body. */
  public void setActive(boolean active) {
    this.active = active;
  }

  public String getCode() {
    return code;
  }

  public long getVersion() {
    return version;
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
