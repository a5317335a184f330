package kz.gov.dozor.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditFilter;
import kz.gov.dozor.ejb.audit.AuditRow;
import kz.gov.dozor.ejb.audit.AuditService;
import kz.gov.dozor.ejb.audit.ChainVerification;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.web.platform.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit page: the organisation's entries, newest first, filtered by user, action, case or
 * notification and dates; and the chain's last check.
 */
@Named("auditLog")
@ViewScoped
public class AuditLogBacking implements Serializable {

  @Inject private AuditService audit;

  private ChainVerification verification;
  private LazyDataModel<AuditRow> entries;
  private String user;
  private AuditAction action;
  private String subject;
  private LocalDate from;
  private LocalDate to;

  @PostConstruct
  void init() {
    verification = audit.lastVerification().orElse(null);
    entries =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, audit.countEntries(filter()));
          }

          @Override
          public List<AuditRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.entries(filter(), first, size);
          }

          @Override
          public String getRowKey(AuditRow row) {
            return String.valueOf(row.seq());
          }

          @Override
          public AuditRow getRowData(String rowKey) {
            return null;
          }
        };
  }

  AuditFilter filter() {
    return new AuditFilter(user, action, subject, from, to);
  }

  /** Applies the filter; a period that ends before it starts is explained, not searched. */
  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      Messages.addError("filters:to", Messages.error("audit.filter.periodReversed"));
    }
  }

  public void reset() {
    user = null;
    action = null;
    subject = null;
    from = null;
    to = null;
  }

  public void verifyNow() {
    verification = audit.verifyNow();
  }

  /** What kind of subject an entry is about, in the page's language when the bundle names it. */
  public String subjectType(String type) {
    if (type == null) {
      return "";
    }
    String key = "audit.subjectType." + type;
    String text = Messages.text(key);
    return key.equals(text) ? type : text;
  }

  /** Whether any part of the filter is set (an empty list then means "no match"). */
  public boolean isFiltered() {
    return (user != null && !user.isBlank())
        || action != null
        || (subject != null && !subject.isBlank())
        || from != null
        || to != null;
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public ChainVerification getVerification() {
    return verification;
  }

  public LazyDataModel<AuditRow> getEntries() {
    return entries;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
