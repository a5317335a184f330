package kz.gov.dozor.web.reference;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.reference.LegalBasisService;
import kz.gov.dozor.ejb.reference.LegalBasisService.LegalBasisInput;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/** The legal bases the agency's forms offer: law and article, title and text, order, retiring. */
@Named("legalBases")
@ViewScoped
public class LegalBasesBacking extends EntryPage<LegalBasisView> {

  @Inject private LegalBasisService service;

  private String law;
  private String article;
  private String titleKk;
  private String titleRu;
  private String titleEn;
  private String textKk;
  private String textRu;
  private String textEn;
  private Integer position;

  @Override
  Subject subject() {
    return Subject.LEGAL_BASIS;
  }

  @Override
  String page() {
    return "/reference/legal-bases";
  }

  @Override
  String texts() {
    return "legalBases";
  }

  @Override
  List<LegalBasisView> loadEntries() {
    return queries.legalBases();
  }

  @Override
  LegalBasisView find(String key) {
    if (key == null || !key.matches("\\d{1,18}")) {
      throw new NotFoundException("reference.notFound", key);
    }
    return queries.legalBasis(Long.parseLong(key));
  }

  @Override
  String keyOf(LegalBasisView b) {
    return String.valueOf(b.id());
  }

  @Override
  long versionOf(LegalBasisView b) {
    return b.version();
  }

  @Override
  boolean activeOf(LegalBasisView b) {
    return b.active();
  }

  @Override
  String labelOf(LegalBasisView b) {
    return b.reference();
  }

  @Override
  void fill(LegalBasisView b) {
    law = b.law();
    article = b.article();
    titleKk = b.title().getKk();
    titleRu = b.title().getRu();
    titleEn = b.title().getEn();
    textKk = b.text().getKk();
    textRu = b.text().getRu();
    textEn = b.text().getEn();
    position = b.position();
  }

  @Override
  String add() {
    return String.valueOf(service.addBasis(input()));
  }

  @Override
  boolean change(String key, long version) {
    return service.changeBasis(Long.parseLong(key), version, input());
  }

  @Override
  void setActive(String key, long version, boolean active) {
    if (active) {
      service.reinstateBasis(Long.parseLong(key), version);
    } else {
      service.retireBasis(Long.parseLong(key), version);
    }
  }

  private LegalBasisInput input() {
    return new LegalBasisInput(
        law, article, titleKk, titleRu, titleEn, textKk, textRu, textEn, position);
  }

  public String getLaw() {
    return law;
  }

  public void setLaw(String law) {
    this.law = law;
  }

  public String getArticle() {
    return article;
  }

  public void setArticle(String article) {
    this.article = article;
  }

  public String getTitleKk() {
    return titleKk;
  }

  public void setTitleKk(String titleKk) {
    this.titleKk = titleKk;
  }

  public String getTitleRu() {
    return titleRu;
  }

  public void setTitleRu(String titleRu) {
    this.titleRu = titleRu;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getTextKk() {
    return textKk;
  }

  public void setTextKk(String textKk) {
    this.textKk = textKk;
  }

  public String getTextRu() {
    return textRu;
  }

  public void setTextRu(String textRu) {
    this.textRu = textRu;
  }

  public String getTextEn() {
    return textEn;
  }

  public void setTextEn(String textEn) {
    this.textEn = textEn;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }
}
