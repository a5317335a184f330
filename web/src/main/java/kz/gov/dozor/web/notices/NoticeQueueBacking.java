package kz.gov.dozor.web.notices;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.gov.dozor.ejb.cases.CaseRow;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.notices.NoticeRow;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.web.session.CurrentUser;

/** Each role's work queue: what waits for the person looking. */
@Named("noticeQueue")
@RequestScoped
public class NoticeQueueBacking {

  @Inject private NoticeService notices;
  @Inject private CurrentUser user;
  @Inject private CaseService cases;

  private List<CaseRow> myCases;

  /** An investigator's own cases not closed yet. */
  public List<CaseRow> getMyCases() {
    if (myCases == null) {
      myCases = user.isInvestigator() ? cases.myOpenCases() : List.of();
    }
    return myCases;
  }

  private List<NoticeRow> awaitingSignOff;
  private List<NoticeRow> returned;
  private List<NoticeRow> inbox;

  public List<NoticeRow> getAwaitingSignOff() {
    if (awaitingSignOff == null) {
      awaitingSignOff = user.isSupervisor() ? notices.awaitingSignOff() : List.of();
    }
    return awaitingSignOff;
  }

  public List<NoticeRow> getReturned() {
    if (returned == null) {
      returned = user.isAgencyStaff() ? notices.returnedToAgency() : List.of();
    }
    return returned;
  }

  public List<NoticeRow> getInbox() {
    if (inbox == null) {
      inbox = user.isOfficer() ? notices.ministryInbox() : List.of();
    }
    return inbox;
  }
}
