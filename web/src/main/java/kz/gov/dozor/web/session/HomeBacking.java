package kz.gov.dozor.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.gov.dozor.ejb.audit.AuditService;
import kz.gov.dozor.ejb.audit.ChainVerification;
import kz.gov.dozor.ejb.users.DirectoryOverview;

/**
 * The home page sends each user to their work queue: investigators to their cases, supervisors to
 * notifications awaiting sign-off, officers to the ministry's inbox.
 */
@Named
@RequestScoped
public class HomeBacking {

  @Inject private CurrentUser user;
  @Inject private DirectoryOverview directory;
  @Inject private AuditService audit;

  private DirectoryOverview.Summary people;
  private ChainVerification chain;
  private boolean chainRead;
  private kz.gov.dozor.ejb.evidence.timestamps.AuditHeadStamp headStamp;
  private boolean headStampRead;

  @Inject private kz.gov.dozor.ejb.evidence.timestamps.Timestamps timestamps;

  public String route() {
    if (user.isAgencyStaff() || user.isOfficer()) {
      return "/notices/list?faces-redirect=true";
    }
    return null;
  }

  /**
   * What the home page tells the user about their work: administrators what they keep (people,
   * reference data, the audit log); only someone without any role is sent to an administrator.
   */
  public String getGuideKey() {
    if (user.isAdmin()) {
      return "home.admin";
    }
    if (user.isOfficer()) {
      return "home.officer";
    }
    if (user.isAgencyStaff()) {
      return null;
    }
    return "home.other";
  }

  /** The administrator's organisation's people: counts, the disabled, who never signed in. */
  public DirectoryOverview.Summary getPeople() {
    if (people == null && user.isAdmin()) {
      people = directory.summary();
    }
    return people;
  }

  /** The latest trusted timestamp of the audit chain's head, or null. */
  public kz.gov.dozor.ejb.evidence.timestamps.AuditHeadStamp getHeadStamp() {
    if (!headStampRead && user.isAdmin()) {
      headStamp = timestamps.headStamp();
      headStampRead = true;
    }
    return headStamp;
  }

  /** The audit chain's last check, or null if it was never checked. */
  public ChainVerification getChain() {
    if (!chainRead && user.isAdmin()) {
      chain = audit.lastVerification().orElse(null);
      chainRead = true;
    }
    return chain;
  }
}
