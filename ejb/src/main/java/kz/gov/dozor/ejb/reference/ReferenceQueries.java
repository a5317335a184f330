package kz.gov.dozor.ejb.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.reference.Category;
import kz.gov.dozor.persistence.reference.DeadlineRule;
import kz.gov.dozor.persistence.reference.DeadlineStep;
import kz.gov.dozor.persistence.reference.Holiday;
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.reference.RecipientBody;
import kz.gov.dozor.persistence.reference.ReferenceChange;
import kz.gov.dozor.persistence.reference.ReferenceChange.Subject;

/**
 * What the administrators' reference pages show: every entry, retired ones included, and the
 * history of changes. Both organisations' administrators read all of it (both depend on it); who
 * may change what is the services' business.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ReferenceQueries {

  /** Most changes a history panel shows at once. */
  public static final int MAX_HISTORY = 200;

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;

  /** Whether the caller may change categories, legal bases and bodies: the agency owns them. */
  public boolean mayChangeAgencyLists() {
    return Organisations.isAgency(users.currentCaller().organisation());
  }

  public List<CategoryView> categories() {
    return em.createQuery("select c from Category c order by c.position, c.code", Category.class)
        .getResultStream()
        .map(CategoryView::of)
        .toList();
  }

  public CategoryView category(String code) {
    Category c = code == null ? null : em.find(Category.class, code);
    if (c == null) {
      throw new NotFoundException("reference.notFound", code);
    }
    return CategoryView.of(c);
  }

  public List<LegalBasisView> legalBases() {
    return em.createQuery("select b from LegalBasis b order by b.position, b.id", LegalBasis.class)
        .getResultStream()
        .map(LegalBasisView::of)
        .toList();
  }

  public LegalBasisView legalBasis(long id) {
    LegalBasis b = em.find(LegalBasis.class, id);
    if (b == null) {
      throw new NotFoundException("reference.notFound", id);
    }
    return LegalBasisView.of(b);
  }

  public List<RecipientBodyView> recipientBodies() {
    return em.createQuery(
            "select b from RecipientBody b order by b.kind, b.position, b.code",
            RecipientBody.class)
        .getResultStream()
        .map(RecipientBodyView::of)
        .toList();
  }

  public RecipientBodyView recipientBody(String code) {
    RecipientBody b = code == null ? null : em.find(RecipientBody.class, code);
    if (b == null) {
      throw new NotFoundException("reference.notFound", code);
    }
    return RecipientBodyView.of(b);
  }

  /** The rules in the order of the procedure: sign-off, the ministry's decision, the answer. */
  public List<DeadlineRuleView> deadlineRules() {
    String organisation = users.currentCaller().organisation();
    Map<DeadlineStep, DeadlineRule> byStep = new HashMap<>();
    for (DeadlineRule r :
        em.createQuery("select r from DeadlineRule r", DeadlineRule.class).getResultList()) {
      byStep.put(r.getStep(), r);
    }
    List<DeadlineRuleView> out = new ArrayList<>();
    for (DeadlineStep step : DeadlineStep.values()) {
      DeadlineRule r = byStep.get(step);
      if (r != null) {
        out.add(
            new DeadlineRuleView(
                step.name(),
                r.getDays(),
                r.isWorkingDays(),
                r.isHours(),
                DeadlineService.ownerOf(step),
                DeadlineService.owns(organisation, step),
                r.getVersion()));
      }
    }
    return out;
  }

  public List<HolidayView> holidays(int year) {
    return em.createQuery(
            "select h from Holiday h where h.day >= :from and h.day < :to order by h.day",
            Holiday.class)
        .setParameter("from", LocalDate.of(year, 1, 1))
        .setParameter("to", LocalDate.of(year + 1, 1, 1))
        .getResultStream()
        .map(h -> new HolidayView(h.getDay(), h.getName()))
        .toList();
  }

  /**
   * The latest changes of entries of these kinds, newest first; of one entry only when {@code key}
   * is given.
   */
  public List<ChangeView> history(Set<Subject> subjects, String key, int max) {
    TypedQuery<Object[]> q =
        em.createQuery(
            "select c.id, c.changedAt, c.subject, c.subjectKey, c.kind, c.changedBy,"
                + " coalesce((select u.fullName from PortalUser u"
                + " where u.username = c.changedBy), c.changedBy), c.organisation"
                + " from ReferenceChange c where c.subject in :subjects"
                + (key == null ? "" : " and c.subjectKey = :key")
                + " order by c.changedAt desc, c.id desc",
            Object[].class);
    q.setParameter("subjects", subjects);
    if (key != null) {
      q.setParameter("key", key);
    }
    List<Object[]> rows = q.setMaxResults(Math.max(1, Math.min(max, MAX_HISTORY))).getResultList();
    return views(rows);
  }

  /** How many entries each list has, active and retired, and when it last changed. */
  public Summary summary() {
    return new Summary(
        count("Category", true),
        count("Category", false),
        count("LegalBasis", true),
        count("LegalBasis", false),
        count("RecipientBody", true),
        count("RecipientBody", false),
        lastChange(Subject.CATEGORY),
        lastChange(Subject.LEGAL_BASIS),
        lastChange(Subject.RECIPIENT_BODY),
        lastChange(Subject.DEADLINE, Subject.HOLIDAY));
  }

  /** The hub page's numbers. */
  public record Summary(
      long activeCategories,
      long retiredCategories,
      long activeLegalBases,
      long retiredLegalBases,
      long activeBodies,
      long retiredBodies,
      Instant categoriesChanged,
      Instant legalBasesChanged,
      Instant bodiesChanged,
      Instant deadlinesChanged)
      implements Serializable {}

  private long count(String entity, boolean active) {
    return em.createQuery(
            "select count(e) from " + entity + " e where e.active = :active", Long.class)
        .setParameter("active", active)
        .getSingleResult();
  }

  private Instant lastChange(Subject... subjects) {
    return em.createQuery(
            "select max(c.changedAt) from ReferenceChange c where c.subject in :subjects",
            Instant.class)
        .setParameter("subjects", List.of(subjects))
        .getSingleResult();
  }

  /** The changes with their fields (one more query for all of them) and labels. */
  private List<ChangeView> views(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
    Map<Long, List<ChangeView.FieldView>> fields = new HashMap<>();
    for (Object[] f :
        em.createQuery(
                "select c.id, index(f), f.name, f.oldValue, f.newValue"
                    + " from ReferenceChange c join c.fields f where c.id in :ids"
                    + " order by c.id, index(f)",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      fields
          .computeIfAbsent((Long) f[0], k -> new ArrayList<>())
          .add(new ChangeView.FieldView((String) f[2], (String) f[3], (String) f[4]));
    }
    Map<String, String> basisLabels = basisLabels(rows);
    List<ChangeView> out = new ArrayList<>();
    for (Object[] r : rows) {
      Subject subject = (Subject) r[2];
      String key = (String) r[3];
      out.add(
          new ChangeView(
              (Instant) r[1],
              subject,
              key,
              subject == Subject.LEGAL_BASIS ? basisLabels.getOrDefault(key, key) : key,
              (ReferenceChange.Kind) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              List.copyOf(fields.getOrDefault((Long) r[0], List.of()))));
    }
    return out;
  }

  /** Legal bases are kept by number: history names them by law and article as they read now. */
  private Map<String, String> basisLabels(Collection<Object[]> rows) {
    List<Long> ids =
        rows.stream()
            .filter(r -> r[2] == Subject.LEGAL_BASIS)
            .map(r -> (String) r[3])
            .filter(k -> k.matches("\\d{1,18}"))
            .map(Long::valueOf)
            .distinct()
            .toList();
    Map<String, String> labels = new HashMap<>();
    if (!ids.isEmpty()) {
      for (LegalBasis b :
          em.createQuery("select b from LegalBasis b where b.id in :ids", LegalBasis.class)
              .setParameter("ids", ids)
              .getResultList()) {
        labels.put(String.valueOf(b.getId()), b.reference());
      }
    }
    return labels;
  }
}
