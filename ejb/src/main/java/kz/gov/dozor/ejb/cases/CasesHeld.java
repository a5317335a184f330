package kz.gov.dozor.ejb.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import kz.gov.dozor.ejb.users.HeldItem;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.WorkHolder;
import kz.gov.dozor.persistence.cases.CaseStatus;

/**
 * The open cases an investigator registered: theirs to take on. When their account is disabled, the
 * cases appear in the work queue of the organisation's other investigators ({@link
 * CaseService#myOpenCases}).
 */
@ApplicationScoped
public class CasesHeld implements WorkHolder {

  @PersistenceContext private EntityManager em;

  @Override
  public List<HeldItem> heldBy(String username, String organisation) {
    return em
        .createQuery(
            "select c.id, c.registrationNumber, c.status from ViolationCase c"
                + " where c.organisation = :org and c.registeredBy = :who and c.status <> :closed"
                + " order by c.registeredAt desc",
            Object[].class)
        .setParameter("org", organisation)
        .setParameter("who", username)
        .setParameter("closed", CaseStatus.CLOSED)
        .setMaxResults(100)
        .getResultList()
        .stream()
        .map(
            r ->
                new HeldItem(
                    "case",
                    (Long) r[0],
                    (String) r[1],
                    ((CaseStatus) r[2]).name(),
                    Roles.INVESTIGATOR))
        .toList();
  }
}
