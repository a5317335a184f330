package kz.gov.dozor.web.notices;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kz.gov.dozor.ejb.notices.BulkDecision;
import kz.gov.dozor.ejb.notices.NoticeDetails;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import kz.gov.dozor.web.platform.Messages;
import kz.gov.dozor.web.platform.Races;
import kz.gov.dozor.web.reference.LegalBasisOptions;

/** What people do on the notification page: sign off, return, resubmit, decide, answer, lift. */
@Named("noticeActions")
@ViewScoped
public class NoticeActionsBacking implements Serializable {

  private static final String FORM = "noticeActions:";

  /** The fields of the decision on many resources, by the service's names for them. */
  private static final Map<String, String> BULK_FIELDS =
      Map.of(
          "decision", "bulkDecision",
          "decisionNumber", "bulkNumber",
          "decisionDate", "bulkDate",
          "text", "bulkText",
          "selection", "bulkScope");

  @Inject private NoticeViewBacking noticeView;
  @Inject private NoticeItemsBacking noticeItems;
  @Inject private NoticeService notices;
  @Inject private LegalBasisOptions legalBases;

  private String comment;
  private Long legalBasisId;
  private boolean basisChosen;
  private String legalBasis;
  private String justification;
  private final Map<Long, DecisionInput> decisions = new HashMap<>();
  private final Map<Long, String> answers = new HashMap<>();
  private final Map<Long, String> liftReasons = new HashMap<>();
  private final DecisionInput bulk = new DecisionInput();
  private String commonAnswer;

  /** What an officer enters for one resource. */
  public static class DecisionInput implements Serializable {
    private ResourceDecision decision;
    private String number;
    private LocalDate date;
    private String text;

    public ResourceDecision getDecision() {
      return decision;
    }

    public void setDecision(ResourceDecision decision) {
      this.decision = decision;
    }

    public String getNumber() {
      return number;
    }

    public void setNumber(String number) {
      this.number = number;
    }

    public LocalDate getDate() {
      return date;
    }

    public void setDate(LocalDate date) {
      this.date = date;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }
  }

  public DecisionInput input(long itemId) {
    return decisions.computeIfAbsent(itemId, k -> new DecisionInput());
  }

  public String signOff() {
    return run(
        null,
        (id, v) -> {
          String number = notices.signOff(id, v, comment);
          Messages.success("notice.done.signedOff", number);
        });
  }

  public String sendBack() {
    return run(
        null,
        (id, v) -> {
          notices.returnToInvestigator(id, v, comment);
          Messages.success("notice.done.returned");
        });
  }

  public String resubmit() {
    return run(
        null,
        (id, v) -> {
          notices.resubmit(id, v, getLegalBasisId(), getLegalBasis(), justification);
          Messages.success("notice.done.resubmitted");
        });
  }

  public String decide(long itemId) {
    DecisionInput in = input(itemId);
    return run(
        itemId,
        (id, v) -> {
          notices.decide(id, v, itemId, in.decision, in.number, in.date, in.text);
          Messages.success(
              "notice.done.decided", Messages.text("decision." + in.decision), url(itemId));
        });
  }

  /**
   * One decision on many resources: those picked, or all that match the filter, after one
   * confirmation that says how many.
   */
  public String decideMany() {
    boolean all = noticeItems.getScope() == NoticeItemsBacking.Scope.MATCHING;
    return run(
        null,
        (id, v) -> {
          BulkDecision done =
              notices.decideMany(
                  id,
                  v,
                  noticeItems.getFilter(),
                  all ? null : noticeItems.pickedIds(),
                  bulk.decision,
                  bulk.number,
                  bulk.date,
                  bulk.text);
          Messages.success(
              "notice.done.decidedMany",
              Messages.text("decision." + bulk.decision),
              done.decided());
          if (done.skipped() > 0) {
            Messages.success("notice.done.skipped", done.skipped());
          }
        });
  }

  /** What the decision on many resources does, and on how many, asked before it is recorded. */
  public String confirmDecideMany() {
    ResourceDecision d = bulk.decision;
    return d == null
        ? ""
        : Messages.text("notice.confirmMany." + d, noticeItems.getCovered(), bulk.number);
  }

  public String getCommonAnswer() {
    return commonAnswer;
  }

  public void setCommonAnswer(String commonAnswer) {
    this.commonAnswer = commonAnswer;
  }

  public DecisionInput getBulk() {
    return bulk;
  }

  public String answer() {
    return run(
        null,
        (id, v) -> {
          notices.answerAndResend(id, v, answers, commonAnswer);
          Messages.success("notice.done.answered");
        });
  }

  public String lift(long itemId, long entryId, long entryVersion) {
    return run(
        itemId,
        (id, v) -> {
          notices.liftBlock(entryId, entryVersion, liftReasons.get(itemId));
          Messages.success("notice.done.lifted", url(itemId));
        });
  }

  /** What signing off does, asked before it is done. */
  public String confirmSignOff() {
    NoticeDetails n = noticeView.getDetails();
    return Messages.text("notice.confirm.signOff", n.caseNumber(), n.resourceCount());
  }

  /** What the chosen decision on a resource does, asked before it is recorded. */
  public String confirmDecision(long itemId, String url) {
    ResourceDecision d = input(itemId).decision;
    return d == null ? "" : Messages.text("notice.confirm." + d, url);
  }

  /** What lifting a block does, asked before it is done. */
  public String confirmLift(String url) {
    return Messages.text("notice.confirm.lift", url);
  }

  private String url(long itemId) {
    return noticeItems.urlOf(itemId);
  }

  /** A call on the notification as the user saw it. */
  @FunctionalInterface
  interface Change {
    void apply(long noticeId, long version);
  }

  private String run(Long itemId, Change change) {
    NoticeDetails seen = noticeView.getDetails();
    try {
      change.apply(seen.id(), seen.version());
      return "/notices/view?faces-redirect=true&id=" + seen.id();
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> FORM + fieldId(field, itemId));
      return null;
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    } catch (EJBException e) {
      if (!Races.lost(e)) {
        throw e;
      }
      Messages.addError(null, Messages.error("case.changedBySomeoneElse"));
    }
    noticeView.reload();
    return null;
  }

  /** Fields of a resource's forms sit in that resource's row of the repeat. */
  private String fieldId(String field, Long itemId) {
    if (field.startsWith("answer:")) {
      // A resource not on the page shown is answered by the answer for all.
      String row = row(Long.parseLong(field.substring(7)));
      return row.isEmpty() ? "commonAnswer" : row + "answer";
    }
    if (itemId == null) {
      return BULK_FIELDS.getOrDefault(field, field);
    }
    return row(itemId) + ("reason".equals(field) ? "lift" : field);
  }

  private String row(long itemId) {
    int row = noticeItems.rowOf(itemId);
    return row < 0 ? "" : "items:" + row + ":";
  }

  public Map<Long, String> getAnswers() {
    return answers;
  }

  public Map<Long, String> getLiftReasons() {
    return liftReasons;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  /** A legal basis picked from the list fills the text field with its citation. */
  public void basisPicked() {
    String citation = legalBases.citation(legalBasisId);
    if (citation != null) {
      legalBasis = citation;
    }
  }

  /** The basis picked; at first the one the notification cites, if it is still offered. */
  public Long getLegalBasisId() {
    if (!basisChosen && noticeView.getDetails() != null) {
      basisChosen = true;
      NoticeDetails n = noticeView.getDetails();
      if (n.pickedBasis() != null && legalBases.offers(n.pickedBasis().id())) {
        legalBasisId = n.pickedBasis().id();
      }
    }
    return legalBasisId;
  }

  public void setLegalBasisId(Long legalBasisId) {
    this.basisChosen = true;
    this.legalBasisId = legalBasisId;
  }

  public String getLegalBasis() {
    if (legalBasis == null && noticeView.getDetails() != null) {
      legalBasis = noticeView.getDetails().legalBasis();
    }
    return legalBasis;
  }

  public void setLegalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  public String getJustification() {
    if (justification == null && noticeView.getDetails() != null) {
      justification = noticeView.getDetails().justification();
    }
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public ResourceDecision[] getDecisionTypes() {
    return ResourceDecision.values();
  }
}
