package kz.gov.dozor.web.reference;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.gov.dozor.ejb.reference.CategoryService;
import kz.gov.dozor.ejb.reference.CategoryService.CategoryInput;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/** The categories of violation: names in three languages, restricted evidence, order, retiring. */
@Named("categories")
@ViewScoped
public class CategoriesBacking extends EntryPage<CategoryView> {

  @Inject private CategoryService service;

  private String code;
  private String nameKk;
  private String nameRu;
  private String nameEn;
  private boolean restrictedEvidence;
  private Integer position;

  @Override
  Subject subject() {
    return Subject.CATEGORY;
  }

  @Override
  String page() {
    return "/reference/categories";
  }

  @Override
  String texts() {
    return "categories";
  }

  @Override
  List<CategoryView> loadEntries() {
    return queries.categories();
  }

  @Override
  CategoryView find(String key) {
    return queries.category(key);
  }

  @Override
  String keyOf(CategoryView c) {
    return c.code();
  }

  @Override
  long versionOf(CategoryView c) {
    return c.version();
  }

  @Override
  boolean activeOf(CategoryView c) {
    return c.active();
  }

  @Override
  String labelOf(CategoryView c) {
    return c.name(locale());
  }

  @Override
  void fill(CategoryView c) {
    code = c.code();
    nameKk = c.names().getKk();
    nameRu = c.names().getRu();
    nameEn = c.names().getEn();
    restrictedEvidence = c.restrictedEvidence();
    position = c.position();
  }

  @Override
  String add() {
    return service.addCategory(input());
  }

  @Override
  boolean change(String key, long version) {
    return service.changeCategory(key, version, input());
  }

  @Override
  void setActive(String key, long version, boolean active) {
    if (active) {
      service.reinstateCategory(key, version);
    } else {
      service.retireCategory(key, version);
    }
  }

  private CategoryInput input() {
    return new CategoryInput(code, nameKk, nameRu, nameEn, restrictedEvidence, position);
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNameKk() {
    return nameKk;
  }

  public void setNameKk(String nameKk) {
    this.nameKk = nameKk;
  }

  public String getNameRu() {
    return nameRu;
  }

  public void setNameRu(String nameRu) {
    this.nameRu = nameRu;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public boolean isRestrictedEvidence() {
    return restrictedEvidence;
  }

  public void setRestrictedEvidence(boolean restrictedEvidence) {
    this.restrictedEvidence = restrictedEvidence;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }
}
