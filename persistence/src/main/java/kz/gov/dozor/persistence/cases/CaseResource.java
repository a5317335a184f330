package kz.gov.dozor.persistence.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One online resource (URL) of a case, kept as entered and normalised for comparison. */
@Entity
@Table(name = "case_resource")
public class CaseResource {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_resource_seq")
  @SequenceGenerator(
      name = "case_resource_seq",
      sequenceName = "case_resource_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private ViolationCase violationCase;

  @Column(nullable = false)
  private int position;

  @Column(name = "url_original", nullable = false)
  private String urlOriginal;

  @Column(name = "url_normalized", nullable = false)
  private String urlNormalized;

  /** Both forms of the address in lower case, for "text in the URL" (a generated column). */
  @Column(name = "url_search", insertable = false, updatable = false)
  private String urlSearch;

  @Column(nullable = false)
  private String host;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Platform platform;

  protected CaseResource() {}

  CaseResource(
      ViolationCase violationCase,
      int position,
      String urlOriginal,
      String urlNormalized,
      String host,
      Platform platform) {
    this.violationCase = violationCase;
    this.position = position;
    this.urlOriginal = urlOriginal;
    this.urlNormalized = urlNormalized;
    this.host = host;
    this.platform = platform;
  }

  public Long getId() {
    return id;
  }

  public ViolationCase getViolationCase() {
    return violationCase;
  }

  public int getPosition() {
    return position;
  }

  public String getUrlOriginal() {
    return urlOriginal;
  }

  public String getUrlNormalized() {
    return urlNormalized;
  }

  public String getHost() {
    return host;
  }

  public Platform getPlatform() {
    return platform;
  }
}
