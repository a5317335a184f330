package kz.gov.dozor.ejb.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseDetails.EventView;
import kz.gov.dozor.ejb.cases.CaseDetails.EvidenceView;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceView;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Category;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/** Registering violations and finding them: the agency's cases, seen only by the agency. */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
public class CaseService {

  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_RESOURCES = 500;
  public static final int MAX_EVIDENCE = 50;

  /** Clocks of the user's machine and ours may differ a little. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private EvidenceStore store;
  @Inject private Clock clock;
  @Inject private AuditLog audit;
  @Inject private CaseGuard guard;

  /**
   * Registers a violation with its resources and evidence, and gives it the organisation's next
   * registration number. The same form sent twice registers one case.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public RegisteredCase registerViolation(NewCase c) {
    Caller caller = agencyCaller();
    if (c.submissionKey() == null) {
      throw new IllegalArgumentException("a submission key is required");
    }
    Optional<RegisteredCase> earlier = findBySubmissionKey(c.submissionKey());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    List<Problem> problems = new ArrayList<>();
    List<NormalizedUrl> urls = validateResources(c.resources(), problems);
    Category category = validateCategory(c.categoryCode(), problems);
    validateText(c, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }

    // Hash checks first: no number lock is held while files are read.
    c.evidence().forEach(store::verifyStaged);
    Instant now = clock.instant();
    RegistrationNumber number = nextNumber(caller.organisation(), now);
    ViolationCase vc =
        new ViolationCase(
            number.toString(),
            caller.organisation(),
            category,
            c.description().strip(),
            c.detectedAt(),
            now,
            caller.username(),
            c.submissionKey());
    for (int i = 0; i < urls.size(); i++) {
      NormalizedUrl u = urls.get(i);
      Platform p = c.resources().get(i).platform();
      vc.addResource(
          u.original(), u.normalized(), u.host(), p == null ? Platform.guessFromHost(u.host()) : p);
    }
    for (StagedEvidence s : c.evidence()) {
      new Evidence(
          vc,
          s.fileName(),
          s.mediaType(),
          s.sizeBytes(),
          s.sha256(),
          s.width(),
          s.height(),
          caller.username(),
          now,
          "web-upload",
          c.clientAddress());
    }
    em.persist(vc);
    em.persist(
        new CaseEvent(
            vc, now, caller.username(), CaseEvent.Type.REGISTERED, null, vc.getStatus(), null));
    // Rows first: a constraint failure must stop us before any file moves.
    em.flush();
    for (StagedEvidence s : c.evidence()) {
      store.keep(s);
    }
    audit.record(
        AuditAction.CASE_REGISTERED,
        "case",
        vc.getId(),
        vc.getRegistrationNumber(),
        c.clientAddress());
    return new RegisteredCase(vc.getId(), vc.getRegistrationNumber());
  }

  /** The case registered from the form with this key, if one was. */
  public Optional<RegisteredCase> findBySubmissionKey(UUID key) {
    Caller caller = agencyCaller();
    return em.createQuery(
            "select new kz.gov.dozor.ejb.cases.RegisteredCase(c.id, c.registrationNumber)"
                + " from ViolationCase c where c.submissionKey = :key and c.organisation = :org",
            RegisteredCase.class)
        .setParameter("key", key)
        .setParameter("org", caller.organisation())
        .getResultStream()
        .findFirst();
  }

  /** One page of the caller's organisation's cases. */
  public List<CaseRow> findCases(
      CaseQuery query, int first, int pageSize, CaseSort sort, boolean ascending) {
    Caller caller = agencyCaller();
    Map<String, Object> params = new HashMap<>();
    String where = where(query, caller, params);
    CaseSort order = sort == null ? CaseSort.REGISTERED_AT : sort;
    String dir = ascending ? " asc" : " desc";
    // The page's own rows first, through the index of the chosen order; their first URL and
    // resource count after, for those rows only (never per skipped row).
    TypedQuery<Object[]> q =
        em.createQuery(
            "select c.id, c.registrationNumber, c.status, c.category.code, c.detectedAt,"
                + " c.registeredAt, c.registeredBy from ViolationCase c"
                + where
                + " order by "
                + order.path
                + dir
                + ", c.id"
                + dir,
            Object[].class);
    params.forEach(q::setParameter);
    List<Object[]> page =
        q.setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(pageSize, 200)))
            .getResultList();
    return toRows(page);
  }

  /** The first URL and resource count of just these rows, in one query. */
  private List<CaseRow> toRows(List<Object[]> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    List<Long> ids = page.stream().map(r -> (Long) r[0]).toList();
    Map<Long, String> firstUrl = new HashMap<>();
    Map<Long, Long> resourceCount = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select r.violationCase.id, r.position, r.urlOriginal from CaseResource r"
                    + " where r.violationCase.id in :ids",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      resourceCount.merge((Long) r[0], 1L, Long::sum);
      if ((Integer) r[1] == 1) {
        firstUrl.put((Long) r[0], (String) r[2]);
      }
    }
    return page.stream()
        .map(
            r ->
                new CaseRow(
                    (Long) r[0],
                    (String) r[1],
                    (CaseStatus) r[2],
                    (String) r[3],
                    firstUrl.get((Long) r[0]),
                    resourceCount.getOrDefault((Long) r[0], 0L),
                    (Instant) r[4],
                    (Instant) r[5],
                    (String) r[6]))
        .toList();
  }

  /** The caller's own cases that are not closed yet, newest first: an investigator's queue. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public List<CaseRow> myOpenCases() {
    Caller caller = agencyCaller();
    return toRows(
        em.createQuery(
                "select c.id, c.registrationNumber, c.status, c.category.code, c.detectedAt,"
                    + " c.registeredAt, c.registeredBy from ViolationCase c"
                    + " where c.organisation = :org and c.registeredBy = :me"
                    + " and c.status <> kz.gov.dozor.persistence.cases.CaseStatus.CLOSED"
                    + " order by c.registeredAt desc, c.id desc",
                Object[].class)
            .setParameter("org", caller.organisation())
            .setParameter("me", caller.username())
            .setMaxResults(100)
            .getResultList());
  }

  /** How many of the caller's organisation's cases match. */
  public long countCases(CaseQuery query) {
    Caller caller = agencyCaller();
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> q =
        em.createQuery(
            "select count(c) from ViolationCase c" + where(query, caller, params), Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** A case with its resources, evidence and history, if the caller may see it. */
  public CaseDetails openCase(long id) {
    Caller caller = agencyCaller();
    ViolationCase vc = guard.readable(id, caller);
    boolean previewable = !vc.getCategory().isRestrictedEvidence();
    // The latest registry entry of each resource: blocked, or lifted and why.
    Map<Long, RegistryEntry> restrictions = new HashMap<>();
    for (RegistryEntry e :
        em.createQuery(
                "select e from RegistryEntry e where e.resource.violationCase = :c order by e.blockedAt",
                RegistryEntry.class)
            .setParameter("c", vc)
            .getResultList()) {
      restrictions.put(e.getResource().getId(), e);
    }
    List<ResourceView> resources =
        vc.getResources().stream()
            .map(
                r -> {
                  RegistryEntry e = restrictions.get(r.getId());
                  return new ResourceView(
                      r.getId(),
                      r.getPosition(),
                      r.getUrlOriginal(),
                      r.getUrlNormalized(),
                      r.getPlatform(),
                      e == null ? null : e.isActive(),
                      e == null ? null : e.getLiftedAt(),
                      e == null ? null : e.getLiftReason());
                })
            .toList();
    List<EvidenceView> evidence =
        vc.getEvidence().stream()
            .map(
                e ->
                    new EvidenceView(
                        e.getId(),
                        e.getFileName(),
                        e.getMediaType(),
                        e.getSizeBytes(),
                        e.getSha256(),
                        e.getWidth(),
                        e.getHeight(),
                        e.getCapturedBy(),
                        e.getCapturedAt(),
                        previewable))
            .toList();
    List<CaseEvent> events =
        em.createQuery(
                "select e from CaseEvent e where e.violationCase = :c order by e.occurredAt, e.id",
                CaseEvent.class)
            .setParameter("c", vc)
            .getResultList();
    List<EventView> history = historyOf(events, vc.isSealed() ? null : clock.instant());
    Referral referral = em.find(Referral.class, vc.getId());
    return new CaseDetails(
        vc.getId(),
        vc.getVersion(),
        vc.getRegistrationNumber(),
        vc.getOrganisation(),
        vc.getStatus(),
        CategoryView.of(vc.getCategory()),
        vc.getDescription(),
        vc.getDetectedAt(),
        vc.getRegisteredAt(),
        vc.getRegisteredBy(),
        users.displayName(vc.getRegisteredBy()),
        vc.getCrimeSigns(),
        vc.getProhibitedBy(),
        vc.getLegalReference(),
        vc.getDismissalReason(),
        vc.getStatusChangedAt(),
        vc.getClosedAt(),
        vc.isSealed(),
        CaseDetails.ReferralView.of(referral),
        CaseActions.of(vc, referral, CaseActions.allResourcesFinal(em, vc)),
        resources,
        evidence,
        history);
  }

  /**
   * The case's history; each change of state carries the time the case spent in that state, up to
   * the next change or, for the current state of an open case, up to {@code now}.
   */
  private List<EventView> historyOf(List<CaseEvent> events, Instant now) {
    List<EventView> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CaseEvent e = events.get(i);
      Duration inState = null;
      if (e.getToStatus() != null) {
        Instant until = now;
        for (int j = i + 1; j < events.size(); j++) {
          if (events.get(j).getToStatus() != null) {
            until = events.get(j).getOccurredAt();
            break;
          }
        }
        inState = until == null ? null : Duration.between(e.getOccurredAt(), until);
      }
      out.add(
          new EventView(
              e.getOccurredAt(),
              e.getActor(),
              users.displayName(e.getActor()),
              e.getType(),
              e.getFromStatus(),
              e.getToStatus(),
              e.getDetail(),
              inState));
    }
    return out;
  }

  /** The categories a new case may be filed under, in their order. */
  public List<CategoryView> activeCategories() {
    return em.createQuery(
            "select c from Category c where c.active = true order by c.position", Category.class)
        .getResultStream()
        .map(CategoryView::of)
        .toList();
  }

  private Caller agencyCaller() {
    return guard.agencyCaller();
  }

  private RegistrationNumber nextNumber(String organisation, Instant now) {
    int year = now.atZone(Almaty.ZONE).getYear();
    // The row lock this upsert takes is held until commit, so numbers never repeat; a rollback
    // undoes the increment, so they never skip.
    Number next =
        (Number)
            em.createNativeQuery(
                    "insert into registration_counter (organisation, year, last_value)"
                        + " values (?1, ?2, 1) on conflict (organisation, year)"
                        + " do update set last_value = registration_counter.last_value + 1"
                        + " returning last_value")
                .setParameter(1, organisation)
                .setParameter(2, year)
                .getSingleResult();
    return new RegistrationNumber(organisation, year, next.longValue());
  }

  private List<NormalizedUrl> validateResources(List<NewCase.Resource> list, List<Problem> out) {
    List<NormalizedUrl> urls = new ArrayList<>();
    if (list == null || list.isEmpty()) {
      out.add(new Problem("resources", "case.resources.required"));
      return urls;
    }
    if (list.size() > MAX_RESOURCES) {
      out.add(new Problem("resources", "case.resources.tooMany", MAX_RESOURCES));
      return urls;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "resources[" + i + "].url";
      try {
        NormalizedUrl u = UrlNormalizer.normalize(list.get(i).url());
        if (!seen.add(u.normalized())) {
          out.add(new Problem(field, "url.duplicate"));
        }
        urls.add(u);
      } catch (InvalidUrlException e) {
        out.add(new Problem(field, e.getMessageKey(), e.getArguments()));
      }
    }
    return urls;
  }

  private Category validateCategory(String code, List<Problem> out) {
    if (code == null || code.isBlank()) {
      out.add(new Problem("category", "case.category.required"));
      return null;
    }
    Category category = em.find(Category.class, code);
    if (category == null || !category.isActive()) {
      out.add(new Problem("category", "case.category.unknown"));
      return null;
    }
    return category;
  }

  private void validateText(NewCase c, List<Problem> out) {
    if (c.description() == null || c.description().isBlank()) {
      out.add(new Problem("description", "case.description.required"));
    } else if (c.description().length() > MAX_DESCRIPTION) {
      out.add(new Problem("description", "case.description.tooLong", MAX_DESCRIPTION));
    }
    Checks.noBidiControls("description", c.description(), out);
    if (c.detectedAt() == null) {
      out.add(new Problem("detectedAt", "case.detectedAt.required"));
    } else if (c.detectedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      out.add(new Problem("detectedAt", "case.detectedAt.future"));
    }
    if (c.evidence() == null || c.evidence().isEmpty()) {
      out.add(new Problem("evidence", "case.evidence.required"));
    } else if (c.evidence().size() > MAX_EVIDENCE) {
      out.add(new Problem("evidence", "case.evidence.tooMany", MAX_EVIDENCE));
    }
  }

  private static String where(CaseQuery q, Caller caller, Map<String, Object> params) {
    StringBuilder w = new StringBuilder(" where c.organisation = :org");
    params.put("org", caller.organisation());
    if (q == null) {
      return w.toString();
    }
    if (q.status() != null) {
      w.append(" and c.status = :status");
      params.put("status", q.status());
    }
    if (q.categoryCode() != null && !q.categoryCode().isBlank()) {
      w.append(" and c.category.code = :category");
      params.put("category", q.categoryCode());
    }
    if (q.registeredFrom() != null) {
      w.append(" and c.registeredAt >= :from");
      params.put("from", q.registeredFrom().atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (q.registeredTo() != null) {
      w.append(" and c.registeredAt < :to");
      params.put("to", q.registeredTo().plusDays(1).atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (q.platform() != null) {
      w.append(
          " and exists (select 1 from CaseResource rp"
              + " where rp.violationCase = c and rp.platform = :platform)");
      params.put("platform", q.platform());
    }
    if (q.urlText() != null && !q.urlText().isBlank()) {
      w.append(
          " and exists (select 1 from CaseResource ru where ru.violationCase = c and"
              + " (lower(ru.urlOriginal) like :url escape '!'"
              + " or lower(ru.urlNormalized) like :url escape '!'))");
      params.put("url", "%" + likeEscape(q.urlText().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    return w.toString();
  }

  static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
