package kz.gov.dozor.persistence.reference;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;

/**
 * An act a route or a block notification rests on: an article of a law, with its title and text in
 * the three languages. A retired basis is no longer offered in the pick list; what cites it keeps
 * it.
 */
@Entity
@Table(name = "legal_basis")
public class LegalBasis {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legal_basis_seq")
  @SequenceGenerator(name = "legal_basis_seq", sequenceName = "legal_basis_seq", allocationSize = 1)
  private Long id;

  @Version private long version;

  @Column(nullable = false)
  private String law;

  @Column(nullable = false)
  private String article;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "kk", column = @Column(name = "title_kk", nullable = false)),
    @AttributeOverride(name = "ru", column = @Column(name = "title_ru", nullable = false)),
    @AttributeOverride(name = "en", column = @Column(name = "title_en", nullable = false))
  })
  private LocalizedName title;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "kk", column = @Column(name = "text_kk", nullable = false)),
    @AttributeOverride(name = "ru", column = @Column(name = "text_ru", nullable = false)),
    @AttributeOverride(name = "en", column = @Column(name = "text_en", nullable = false))
  })
  private LocalizedName text;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private boolean active;

  protected LegalBasis() {}

  public LegalBasis(
      String law, String article, LocalizedName title, LocalizedName text, int position) {
    this.law = law;
    this.article = article;
    this.title = title;
    this.text = text;
    this.position = position;
    this.active = true;
  }

  public void change(
      String law, String article, LocalizedName title, LocalizedName text, int position) {
    this.law = law;
    this.article = article;
    this.title = title;
    this.text = text;
    this.position = position;
  }

  /** Retires (false) or reinstates (true) the basis. */
  public void setActive(boolean active) {
    this.active = active;
  }

  /** How a document cites it: the law, then the article. */
  public String reference() {
    return law + ", " + article;
  }

  /** The citation a pick fills in: the reference and the title in the given language. */
  public String citation(Locale locale) {
    return reference() + " — " + title.in(locale);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getLaw() {
    return law;
  }

  public String getArticle() {
    return article;
  }

  public LocalizedName getTitle() {
    return title;
  }

  public LocalizedName getText() {
    return text;
  }

  public int getPosition() {
    return position;
  }

  public boolean isActive() {
    return active;
  }
}
