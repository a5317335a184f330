package kz.gov.dozor.ejb.reference;

import static kz.gov.dozor.ejb.platform.Checks.refuseIf;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.reference.Category;
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/**
 * Categories of violation, kept by the agency's administrators: added, renamed, reordered, evidence
 * restricted or not, retired and reinstated. A category is never deleted: cases filed under it keep
 * showing it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class CategoryService {

  public static final int MAX_NAME = 200;

  @PersistenceContext private EntityManager em;
  @Inject private ReferenceChanges changes;

  /** What the category form sends; the code is read only when a category is added. */
  public record CategoryInput(
      String code,
      String nameKk,
      String nameRu,
      String nameEn,
      boolean restrictedEvidence,
      Integer position) {}

  /** Adds a category, offered for new cases at once; returns its code. */
  public String addCategory(CategoryInput in) {
    changes.agencyAdministrator(Subject.CATEGORY, in.code());
    List<Problem> problems = new ArrayList<>();
    String code = ReferenceChecks.code(in.code(), problems);
    if (code != null && em.find(Category.class, code) != null) {
      problems.add(new Problem("code", "reference.code.taken", code));
    }
    LocalizedName name = checked(in, problems);
    refuseIf(problems);
    Category c = new Category(code, name, in.restrictedEvidence(), in.position());
    em.persist(c);
    changes.record(
        Subject.CATEGORY,
        code,
        Kind.ADDED,
        new Diff()
            .texts("name", null, name)
            .field("restrictedEvidence", null, in.restrictedEvidence())
            .field("position", null, in.position())
            .fields());
    return code;
  }

  /**
   * Changes the names, the evidence restriction and the order of the category as the administrator
   * saw it ({@code version}); returns false when nothing differed.
   */
  public boolean changeCategory(String code, long version, CategoryInput in) {
    changes.agencyAdministrator(Subject.CATEGORY, code);
    List<Problem> problems = new ArrayList<>();
    LocalizedName name = checked(in, problems);
    refuseIf(problems);
    Category c = current(code, version);
    Diff diff =
        new Diff()
            .texts("name", c.getName(), name)
            .field("restrictedEvidence", c.isRestrictedEvidence(), in.restrictedEvidence())
            .field("position", c.getPosition(), in.position());
    if (diff.isEmpty()) {
      return false;
    }
    c.change(name, in.restrictedEvidence(), in.position());
    flush(code);
    changes.record(Subject.CATEGORY, code, Kind.CHANGED, diff.fields());
    return true;
  }

  /** Retires the category: no longer offered for new cases; its cases keep it. */
  public void retireCategory(String code, long version) {
    setActive(code, version, false);
  }

  /** Offers a retired category for new cases again. */
  public void reinstateCategory(String code, long version) {
    setActive(code, version, true);
  }

  private void setActive(String code, long version, boolean active) {
    changes.agencyAdministrator(Subject.CATEGORY, code);
    Category c = current(code, version);
    if (c.isActive() == active) {
      return;
    }
    c.setActive(active);
    flush(code);
    changes.record(
        Subject.CATEGORY,
        code,
        active ? Kind.REINSTATED : Kind.RETIRED,
        new Diff().field("active", !active, active).fields());
  }

  private static LocalizedName checked(CategoryInput in, List<Problem> problems) {
    LocalizedName name =
        ReferenceChecks.texts("name", in.nameKk(), in.nameRu(), in.nameEn(), MAX_NAME, problems);
    ReferenceChecks.position(in.position(), problems);
    return name;
  }

  /** The category as the administrator saw it; a later version means someone else changed it. */
  private Category current(String code, long version) {
    Category c = code == null ? null : em.find(Category.class, code);
    if (c == null) {
      throw new NotFoundException("reference.notFound", code);
    }
    if (c.getVersion() != version) {
      throw new StaleEntryException(code);
    }
    return c;
  }

  private void flush(String code) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleEntryException(code);
    }
  }
}
