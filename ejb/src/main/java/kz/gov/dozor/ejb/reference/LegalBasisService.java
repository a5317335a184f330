package kz.gov.dozor.ejb.reference;

import static kz.gov.dozor.ejb.platform.Checks.refuseIf;
import static kz.gov.dozor.ejb.platform.Checks.required;

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
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/**
 * The legal bases offered when a case is routed and a notification drafted, kept by the agency's
 * administrators. A basis is never deleted: cases and notifications that cite it keep it; a retired
 * basis is no longer offered.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class LegalBasisService {

  public static final int MAX_LAW = 300;
  public static final int MAX_ARTICLE = 100;
  public static final int MAX_TITLE = 300;
  public static final int MAX_TEXT = 4000;

  @PersistenceContext private EntityManager em;
  @Inject private ReferenceChanges changes;

  /** What the legal-basis form sends. */
  public record LegalBasisInput(
      String law,
      String article,
      String titleKk,
      String titleRu,
      String titleEn,
      String textKk,
      String textRu,
      String textEn,
      Integer position) {}

  /** Adds a basis, offered in the pick lists at once; returns its id. */
  public long addBasis(LegalBasisInput in) {
    changes.agencyAdministrator(Subject.LEGAL_BASIS, null);
    Checked c = checked(in, null);
    LegalBasis b = new LegalBasis(c.law, c.article, c.title, c.text, in.position());
    em.persist(b);
    em.flush();
    changes.record(
        Subject.LEGAL_BASIS,
        String.valueOf(b.getId()),
        Kind.ADDED,
        new Diff()
            .field("law", null, c.law)
            .field("article", null, c.article)
            .texts("title", null, c.title)
            .texts("text", null, c.text)
            .field("position", null, in.position())
            .fields());
    return b.getId();
  }

  /**
   * Changes the basis as the administrator saw it ({@code version}); returns false when nothing
   * differed. What cites it keeps the text as it was cited.
   */
  public boolean changeBasis(long id, long version, LegalBasisInput in) {
    changes.agencyAdministrator(Subject.LEGAL_BASIS, id);
    Checked c = checked(in, id);
    LegalBasis b = current(id, version);
    Diff diff =
        new Diff()
            .field("law", b.getLaw(), c.law)
            .field("article", b.getArticle(), c.article)
            .texts("title", b.getTitle(), c.title)
            .texts("text", b.getText(), c.text)
            .field("position", b.getPosition(), in.position());
    if (diff.isEmpty()) {
      return false;
    }
    b.change(c.law, c.article, c.title, c.text, in.position());
    flush(id);
    changes.record(Subject.LEGAL_BASIS, String.valueOf(id), Kind.CHANGED, diff.fields());
    return true;
  }

  /** Retires the basis: no longer offered; what cites it keeps it. */
  public void retireBasis(long id, long version) {
    setActive(id, version, false);
  }

  /** Offers a retired basis again. */
  public void reinstateBasis(long id, long version) {
    setActive(id, version, true);
  }

  private void setActive(long id, long version, boolean active) {
    changes.agencyAdministrator(Subject.LEGAL_BASIS, id);
    LegalBasis b = current(id, version);
    if (b.isActive() == active) {
      return;
    }
    b.setActive(active);
    flush(id);
    changes.record(
        Subject.LEGAL_BASIS,
        String.valueOf(id),
        active ? Kind.REINSTATED : Kind.RETIRED,
        new Diff().field("active", !active, active).fields());
  }

  private record Checked(String law, String article, LocalizedName title, LocalizedName text) {}

  /** The input checked; a law and article another basis has already (but {@code self}) refused. */
  private Checked checked(LegalBasisInput in, Long self) {
    List<Problem> problems = new ArrayList<>();
    required("law", in.law(), MAX_LAW, problems);
    required("article", in.article(), MAX_ARTICLE, problems);
    LocalizedName title =
        ReferenceChecks.texts(
            "title", in.titleKk(), in.titleRu(), in.titleEn(), MAX_TITLE, problems);
    LocalizedName text =
        ReferenceChecks.texts("text", in.textKk(), in.textRu(), in.textEn(), MAX_TEXT, problems);
    ReferenceChecks.position(in.position(), problems);
    if (problems.isEmpty()) {
      List<Long> same =
          em.createQuery(
                  "select b.id from LegalBasis b where lower(b.law) = lower(:law)"
                      + " and lower(b.article) = lower(:article)",
                  Long.class)
              .setParameter("law", in.law().strip())
              .setParameter("article", in.article().strip())
              .getResultList();
      if (same.stream().anyMatch(other -> !other.equals(self))) {
        problems.add(new Problem("article", "legalBasis.taken"));
      }
    }
    refuseIf(problems);
    return new Checked(in.law().strip(), in.article().strip(), title, text);
  }

  private LegalBasis current(long id, long version) {
    LegalBasis b = em.find(LegalBasis.class, id);
    if (b == null) {
      throw new NotFoundException("reference.notFound", id);
    }
    if (b.getVersion() != version) {
      throw new StaleEntryException(b.reference());
    }
    return b;
  }

  private void flush(long id) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleEntryException(String.valueOf(id));
    }
  }
}
