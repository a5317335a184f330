package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.reference.Category;
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.reference.RecipientBody;
import kz.gov.dozor.persistence.reference.ReferralKind;

/**
 * What the agency's forms offer from the reference data: active entries only, in their order.
 * Retired entries are never offered again, but what was filed under them keeps them.
 */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
public class PickLists {

  @PersistenceContext private EntityManager em;

  /** The categories a new case may be filed under. */
  public List<CategoryView> categories() {
    return em.createQuery(
            "select c from Category c where c.active = true order by c.position, c.code",
            Category.class)
        .getResultStream()
        .map(CategoryView::of)
        .toList();
  }

  /** Every category, retired ones included: the case list names the cases filed under any. */
  public List<CategoryView> allCategories() {
    return em.createQuery(
            "select c from Category c order by c.active desc, c.position, c.code", Category.class)
        .getResultStream()
        .map(CategoryView::of)
        .toList();
  }

  /** The bodies a referral of this kind can go to. */
  public List<RecipientBodyView> recipientBodies(ReferralKind kind) {
    return em.createQuery(
            "select b from RecipientBody b where b.active = true and b.kind = :kind"
                + " order by b.position, b.code",
            RecipientBody.class)
        .setParameter("kind", kind)
        .getResultStream()
        .map(RecipientBodyView::of)
        .toList();
  }

  /** The legal bases a route or a notification may cite. */
  public List<LegalBasisView> legalBases() {
    return em.createQuery(
            "select b from LegalBasis b where b.active = true order by b.position, b.id",
            LegalBasis.class)
        .getResultStream()
        .map(LegalBasisView::of)
        .toList();
  }
}
