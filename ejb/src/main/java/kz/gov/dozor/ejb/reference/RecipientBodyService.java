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
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.RecipientBody;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;
import kz.gov.dozor.persistence.reference.ReferralKind;

/**
 * The bodies cases are referred to, kept by the agency's administrators. A body is never deleted:
 * referrals sent to it keep showing it; a retired body is no longer offered for new referrals.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RecipientBodyService {

  public static final int MAX_NAME = 300;

  @PersistenceContext private EntityManager em;
  @Inject private ReferenceChanges changes;

  /** What the body form sends; the code is read only when a body is added. */
  public record RecipientBodyInput(
      String code,
      ReferralKind kind,
      String nameKk,
      String nameRu,
      String nameEn,
      Integer position) {}

  /** Adds a body, offered for referrals of its kind at once; returns its code. */
  public String addBody(RecipientBodyInput in) {
    changes.agencyAdministrator(Subject.RECIPIENT_BODY, in.code());
    List<Problem> problems = new ArrayList<>();
    String code = ReferenceChecks.code(in.code(), problems);
    if (code != null && em.find(RecipientBody.class, code) != null) {
      problems.add(new Problem("code", "reference.code.taken", code));
    }
    LocalizedName name = checked(in, problems);
    refuseIf(problems);
    em.persist(new RecipientBody(code, in.kind(), name, in.position()));
    changes.record(
        Subject.RECIPIENT_BODY,
        code,
        Kind.ADDED,
        new Diff()
            .field("kind", null, in.kind())
            .texts("name", null, name)
            .field("position", null, in.position())
            .fields());
    return code;
  }

  /**
   * Changes the body as the administrator saw it ({@code version}); returns false when nothing
   * differed. Its kind stays once a case was referred to it: that referral went to a body of that
   * kind.
   */
  public boolean changeBody(String code, long version, RecipientBodyInput in) {
    changes.agencyAdministrator(Subject.RECIPIENT_BODY, code);
    List<Problem> problems = new ArrayList<>();
    LocalizedName name = checked(in, problems);
    refuseIf(problems);
    RecipientBody b = current(code, version);
    if (in.kind() != b.getKind() && referred(code)) {
      refuseIf(List.of(new Problem("kind", "recipientBody.kind.inUse")));
    }
    Diff diff =
        new Diff()
            .field("kind", b.getKind(), in.kind())
            .texts("name", b.getName(), name)
            .field("position", b.getPosition(), in.position());
    if (diff.isEmpty()) {
      return false;
    }
    b.change(in.kind(), name, in.position());
    flush(code);
    changes.record(Subject.RECIPIENT_BODY, code, Kind.CHANGED, diff.fields());
    return true;
  }

  /** Retires the body: no longer offered for referrals; referrals sent to it keep it. */
  public void retireBody(String code, long version) {
    setActive(code, version, false);
  }

  /** Offers a retired body for referrals again. */
  public void reinstateBody(String code, long version) {
    setActive(code, version, true);
  }

  private void setActive(String code, long version, boolean active) {
    changes.agencyAdministrator(Subject.RECIPIENT_BODY, code);
    RecipientBody b = current(code, version);
    if (b.isActive() == active) {
      return;
    }
    b.setActive(active);
    flush(code);
    changes.record(
        Subject.RECIPIENT_BODY,
        code,
        active ? Kind.REINSTATED : Kind.RETIRED,
        new Diff().field("active", !active, active).fields());
  }

  /** Whether a referral went to the body (read by name: the cases feature owns referrals). */
  private boolean referred(String code) {
    return !em.createNativeQuery("select 1 from referral where body_code = ?1 limit 1")
        .setParameter(1, code)
        .getResultList()
        .isEmpty();
  }

  private static LocalizedName checked(RecipientBodyInput in, List<Problem> problems) {
    if (in.kind() == null) {
      problems.add(new Problem("kind", "recipientBody.kind.required"));
    }
    LocalizedName name =
        ReferenceChecks.texts("name", in.nameKk(), in.nameRu(), in.nameEn(), MAX_NAME, problems);
    ReferenceChecks.position(in.position(), problems);
    return name;
  }

  private RecipientBody current(String code, long version) {
    RecipientBody b = code == null ? null : em.find(RecipientBody.class, code);
    if (b == null) {
      throw new NotFoundException("reference.notFound", code);
    }
    if (b.getVersion() != version) {
      throw new StaleEntryException(code);
    }
    return b;
  }

  private void flush(String code) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleEntryException(code);
    }
  }
}
