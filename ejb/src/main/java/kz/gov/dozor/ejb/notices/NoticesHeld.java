package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import kz.gov.dozor.ejb.users.AccountDisabled;
import kz.gov.dozor.ejb.users.HeldItem;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.WorkHolder;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeStatus;

/**
 * Notifications that wait for the investigator who drafted them (returned by the supervisor, or by
 * the ministry with questions). The agency's other investigators see them in their queue as well;
 * when the drafter's account is disabled, they are told that the work is now theirs.
 */
@ApplicationScoped
public class NoticesHeld implements WorkHolder {

  static final List<NoticeStatus> WAITING_FOR_DRAFTER =
      List.of(NoticeStatus.RETURNED_BY_SUPERVISOR, NoticeStatus.INFO_REQUESTED);

  @PersistenceContext private EntityManager em;
  @Inject private NoticeResponsibles responsibles;

  @Override
  public List<HeldItem> heldBy(String username, String organisation) {
    return waitingFor(username, organisation).stream()
        .map(
            n ->
                new HeldItem(
                    "notice",
                    n.getId(),
                    n.getOutgoingNumber() != null
                        ? n.getOutgoingNumber()
                        : n.getViolationCase().getRegistrationNumber(),
                    n.getStatus().name(),
                    Roles.INVESTIGATOR))
        .toList();
  }

  /** Hands the notifications waiting for a disabled drafter to the other investigators. */
  void onDisabled(@Observes AccountDisabled disabled) {
    for (BlockNotice n : waitingFor(disabled.username(), disabled.organisation())) {
      responsibles.tell(n, "inbox.handedOver");
    }
  }

  private List<BlockNotice> waitingFor(String username, String organisation) {
    return em.createQuery(
            "select n from BlockNotice n where n.organisation = :org and n.draftedBy = :who"
                + " and n.status in :waiting order by n.submittedAt",
            BlockNotice.class)
        .setParameter("org", organisation)
        .setParameter("who", username)
        .setParameter("waiting", WAITING_FOR_DRAFTER)
        .setMaxResults(100)
        .getResultList();
  }
}
