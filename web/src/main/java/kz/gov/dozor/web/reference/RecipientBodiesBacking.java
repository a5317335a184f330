package kz.gov.dozor.web.reference;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.gov.dozor.ejb.reference.RecipientBodyService;
import kz.gov.dozor.ejb.reference.RecipientBodyService.RecipientBodyInput;
import kz.gov.dozor.ejb.reference.RecipientBodyView;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import kz.gov.dozor.persistence.reference.ReferralKind;

/** The bodies cases are referred to: kind, names in three languages, order, retiring. */
@Named("recipientBodies")
@ViewScoped
public class RecipientBodiesBacking extends EntryPage<RecipientBodyView> {

  @Inject private RecipientBodyService service;

  private String code;
  private ReferralKind kind;
  private String nameKk;
  private String nameRu;
  private String nameEn;
  private Integer position;

  @Override
  Subject subject() {
    return Subject.RECIPIENT_BODY;
  }

  @Override
  String page() {
    return "/reference/recipient-bodies";
  }

  @Override
  String texts() {
    return "bodies";
  }

  @Override
  List<RecipientBodyView> loadEntries() {
    return queries.recipientBodies();
  }

  @Override
  RecipientBodyView find(String key) {
    return queries.recipientBody(key);
  }

  @Override
  String keyOf(RecipientBodyView b) {
    return b.code();
  }

  @Override
  long versionOf(RecipientBodyView b) {
    return b.version();
  }

  @Override
  boolean activeOf(RecipientBodyView b) {
    return b.active();
  }

  @Override
  String labelOf(RecipientBodyView b) {
    return b.name(locale());
  }

  @Override
  void fill(RecipientBodyView b) {
    code = b.code();
    kind = b.kind();
    nameKk = b.names().getKk();
    nameRu = b.names().getRu();
    nameEn = b.names().getEn();
    position = b.position();
  }

  @Override
  String add() {
    return service.addBody(input());
  }

  @Override
  boolean change(String key, long version) {
    return service.changeBody(key, version, input());
  }

  @Override
  void setActive(String key, long version, boolean active) {
    if (active) {
      service.reinstateBody(key, version);
    } else {
      service.retireBody(key, version);
    }
  }

  private RecipientBodyInput input() {
    return new RecipientBodyInput(code, kind, nameKk, nameRu, nameEn, position);
  }

  public ReferralKind[] getKinds() {
    return ReferralKind.values();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public ReferralKind getKind() {
    return kind;
  }

  public void setKind(ReferralKind kind) {
    this.kind = kind;
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

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }
}
