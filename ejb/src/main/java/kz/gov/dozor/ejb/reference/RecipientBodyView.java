package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.RecipientBody;
import kz.gov.dozor.persistence.reference.ReferralKind;

/** A recipient body as pages show it, with whether it is still offered and its version. */
public record RecipientBodyView(
    String code, ReferralKind kind, LocalizedName names, int position, boolean active, long version)
    implements Serializable {

  public static RecipientBodyView of(RecipientBody b) {
    return new RecipientBodyView(
        b.getCode(), b.getKind(), b.getName(), b.getPosition(), b.isActive(), b.getVersion());
  }

  public String name(Locale locale) {
    return names.in(locale);
  }
}
