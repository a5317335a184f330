package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.util.Locale;
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.reference.LocalizedName;

/**
 * A legal basis as pages show it: the law and article, title and text in the three languages, its
 * place in the pick list, whether it is still offered and its version.
 */
public record LegalBasisView(
    long id,
    String law,
    String article,
    LocalizedName title,
    LocalizedName text,
    int position,
    boolean active,
    long version)
    implements Serializable {

  public static LegalBasisView of(LegalBasis b) {
    return b == null
        ? null
        : new LegalBasisView(
            b.getId(),
            b.getLaw(),
            b.getArticle(),
            b.getTitle(),
            b.getText(),
            b.getPosition(),
            b.isActive(),
            b.getVersion());
  }

  /** How a document cites it: the law, then the article. */
  public String reference() {
    return law + ", " + article;
  }

  /** The reference and the title in the reader's language, as a pick list shows it. */
  public String label(Locale locale) {
    return reference() + " — " + title.in(locale);
  }
}
