package kz.gov.dozor.web.intake;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.intake.SuppressionRuleService;
import kz.gov.dozor.ejb.intake.SuppressionRuleService.NewRule;
import kz.gov.dozor.ejb.intake.SuppressionRuleView;
import kz.gov.dozor.ejb.platform.DozorException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.persistence.intake.SuppressionRule.Action;
import kz.gov.dozor.persistence.intake.SuppressionRule.RuleKind;
import kz.gov.dozor.web.platform.Messages;

/** The agency's suppression rules: the list with what each suppressed, a new rule, retiring. */
@Named("suppressionRules")
@ViewScoped
public class SuppressionRulesBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "rule:";

  @Inject private transient SuppressionRuleService service;

  private List<SuppressionRuleView> rules;
  private RuleKind kind;
  private String pattern;
  private Action action;
  private String reason;
  private LocalDate endsOn;

  public void load() {
    rules = service.rules();
  }

  public String add() {
    try {
      service.addRule(new NewRule(kind, pattern, action, reason, endsOn));
      Messages.success("rules.added", pattern);
      return "/intake/suppression-rules?faces-redirect=true";
    } catch (InvalidInputException e) {
      Messages.addProblems(e, field -> FORM + field);
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    return null;
  }

  public String retire(SuppressionRuleView rule) {
    try {
      service.retireRule(rule.id(), rule.version());
      Messages.success("rules.retired", rule.pattern());
      return "/intake/suppression-rules?faces-redirect=true";
    } catch (ConcurrentChangeException e) {
      Messages.addError(null, Messages.error("rules.changedBySomeoneElse", rule.pattern()));
    } catch (DozorException e) {
      Messages.addError(null, Messages.error(e));
    }
    load();
    return null;
  }

  /** The question before retiring, naming the rule. */
  public String question(SuppressionRuleView rule) {
    return Messages.text("rules.retire.question", rule.pattern());
  }

  public List<SuppressionRuleView> getRules() {
    return rules;
  }

  public RuleKind[] getKinds() {
    return RuleKind.values();
  }

  public Action[] getActions() {
    return Action.values();
  }

  public RuleKind getKind() {
    return kind;
  }

  public void setKind(RuleKind kind) {
    this.kind = kind;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }
}
