package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.cases.RecipientBody;
import kz.gov.dozor.persistence.cases.ReferralKind;
import kz.gov.dozor.persistence.reference.LocalizedName;

/** A recipient body as pages show it. */
public record RecipientBodyView(String code, ReferralKind kind, LocalizedName names)
    implements Serializable {

  static RecipientBodyView of(RecipientBody b) {
    return new RecipientBodyView(b.getCode(), b.getKind(), b.getName());
  }

  public String name(Locale locale) {
    return names.in(locale);
  }
}
