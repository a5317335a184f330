package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import kz.gov.dozor.ejb.inbox.Notifier;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.notices.BlockNotice;

/** Who must act on a notification now, from its state, and telling them. */
@Dependent
public class NoticeResponsibles {

  @Inject private Notifier notifier;

  public List<String> of(BlockNotice n) {
    return switch (n.getStatus()) {
      case AWAITING_SIGN_OFF -> notifier.holders(n.getOrganisation(), Roles.SUPERVISOR);
      case SENT -> notifier.holders(Organisations.MCI, Roles.OFFICER);
      case RETURNED_BY_SUPERVISOR, INFO_REQUESTED, DECIDED -> drafterOrColleagues(n);
    };
  }

  /**
   * The investigator who drafted the notification; when their account is disabled, the other
   * investigators of its organisation, who take over their work.
   */
  public List<String> drafterOrColleagues(BlockNotice n) {
    if (notifier.receivesWork(n.getDraftedBy())) {
      return List.of(n.getDraftedBy());
    }
    return notifier.holders(n.getOrganisation(), Roles.INVESTIGATOR);
  }

  /**
   * Tells whoever must act now; the message names the notification (or its case, before it has a
   * number).
   */
  public void tell(BlockNotice n, String key) {
    tell(of(n), n, key);
  }

  public void tell(List<String> who, BlockNotice n, String key) {
    String name =
        n.getOutgoingNumber() != null
            ? n.getOutgoingNumber()
            : n.getViolationCase().getRegistrationNumber();
    notifier.notify(who, key, name, "/notices/view.xhtml?id=" + n.getId());
  }
}
