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
import kz.gov.dozor.ejb.evidence.timestamps.EvidenceTimestamp;
import kz.gov.dozor.ejb.evidence.timestamps.Timestamps;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.Like;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.ejb.reference.CategoryView;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.reference.RecipientBodyView;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Referral;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.reference.Category;

/** Registering violations and finding them: the agency's cases, seen only by the agency. */
@Stateless
@RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
public class CaseService {

  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_RESOURCES = 10_000;
  public static final int MAX_EVIDENCE = 50;

  /**
   * How far the case list counts: a filter matching more cases is "more than" this many, and the
   * list pages through the first of them (narrowing the filter finds the rest).
   */
  public static final int COUNT_CAP = 10_000;

  /** How many of a case's resources its page gets with it; it pages through the rest. */
  public static final int FIRST_PAGE = 50;

  /** Clocks of the user's machine and ours may differ a little. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private EvidenceStore store;
  @Inject private Clock clock;
  @Inject private AuditLog audit;
  @Inject private CaseGuard guard;
  @Inject private CaseNoticeQueries notices;
  @Inject private CaseOpening opening;
  @Inject private CaseResourceQueries resourceQueries;
  @Inject private Timestamps timestamps;
  @Inject private kz.gov.dozor.ejb.evidence.custody.Fixity fixity;

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
    // Two sends of one form at once (a double click, a retry through another node) take turns here,
    // on every node: the second then finds the first's case, where it used to race it for the
    // staged
    // files and fail on a file the first had already kept.
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "dozor.cases.submission." + c.submissionKey())
        .getSingleResult();
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
    List<CaseOpening.Resource> resources = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      resources.add(new CaseOpening.Resource(urls.get(i), c.resources().get(i).platform()));
    }
    ViolationCase vc =
        opening.open(
            caller,
            category,
            c.description().strip(),
            c.detectedAt(),
            resources,
            c.submissionKey(),
            now);
    for (StagedEvidence s : c.evidence()) {
      opening.addEvidence(
          vc,
          new CaseOpening.EvidenceFile(
              s.fileName(),
              s.mediaType(),
              s.sizeBytes(),
              s.sha256(),
              s.width(),
              s.height(),
              caller.username(),
              now,
              "web-upload",
              c.clientAddress()));
    }
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

  /**
   * The URLs among these that are already known: in cases of the caller's organisation or in the
   * registry, compared by their normalised form (through the indexes on it). URLs that do not parse
   * are left out; the form tells about them on its own.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public List<KnownUrl> findKnownUrls(List<String> urls) {
    Caller caller = agencyCaller();
    Map<String, String> byNormalized = new java.util.LinkedHashMap<>();
    for (String raw : urls == null ? List.<String>of() : urls) {
      if (raw == null || raw.isBlank() || byNormalized.size() >= MAX_RESOURCES) {
        continue;
      }
      try {
        byNormalized.putIfAbsent(UrlNormalizer.normalize(raw).normalized(), raw.strip());
      } catch (InvalidUrlException e) {
        // not a URL: nothing to look up
      }
    }
    if (byNormalized.isEmpty()) {
      return List.of();
    }
    Map<String, List<KnownUrl.KnownCase>> cases = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select r.urlNormalized, c.id, c.registrationNumber, c.status from CaseResource r"
                    + " join r.violationCase c where r.urlNormalized in :urls"
                    + " and c.organisation = :org order by c.registeredAt desc, c.id desc",
                Object[].class)
            .setParameter("urls", byNormalized.keySet())
            .setParameter("org", caller.organisation())
            .setMaxResults(200)
            .getResultList()) {
      cases
          .computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(new KnownUrl.KnownCase((Long) r[1], (String) r[2], (CaseStatus) r[3]));
    }
    Map<String, List<KnownUrl.KnownBlock>> blocks = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select e.urlNormalized, e.id, n.id, n.organisation, e.decisionNumber,"
                    + " e.decisionDate, e.active from RegistryEntry e join e.notice n"
                    + " where e.urlNormalized in :urls order by e.blockedAt desc, e.id desc",
                Object[].class)
            .setParameter("urls", byNormalized.keySet())
            .setMaxResults(200)
            .getResultList()) {
      blocks
          .computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(
              new KnownUrl.KnownBlock(
                  (Long) r[1],
                  caller.belongsTo((String) r[3]) ? (Long) r[2] : null,
                  (String) r[4],
                  (java.time.LocalDate) r[5],
                  (Boolean) r[6]));
    }
    List<KnownUrl> known = new ArrayList<>();
    byNormalized.forEach(
        (normalized, raw) -> {
          List<KnownUrl.KnownCase> c = cases.getOrDefault(normalized, List.of());
          List<KnownUrl.KnownBlock> b = blocks.getOrDefault(normalized, List.of());
          if (!c.isEmpty() || !b.isEmpty()) {
            known.add(new KnownUrl(raw, normalized, List.copyOf(c), List.copyOf(b)));
          }
        });
    return known;
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
                + " c.registeredAt, c.registeredBy"
                + " from ViolationCase c"
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

  /**
   * The first URL and resource count of just these rows, in one query, and who registered each as
   * people read it.
   */
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
    Map<String, String> names = users.displayNames(page.stream().map(r -> (String) r[6]).toList());
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
                    (String) r[6],
                    names.get((String) r[6])))
        .toList();
  }

  /**
   * The cases that are not closed yet and wait for the caller, newest first: an investigator's
   * queue. They are the caller's own and those of colleagues whose accounts are disabled, whose
   * work the organisation's investigators take over.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public List<CaseRow> myOpenCases() {
    Caller caller = agencyCaller();
    return toRows(
        em.createQuery(
                "select c.id, c.registrationNumber, c.status, c.category.code, c.detectedAt,"
                    + " c.registeredAt, c.registeredBy"
                    + " from ViolationCase c"
                    + " where c.organisation = :org and (c.registeredBy = :me"
                    + " or c.registeredBy in (select u.username from PortalUser u"
                    + " where u.organisation = :org and u.enabled = false))"
                    + " and c.status <> kz.gov.dozor.persistence.cases.CaseStatus.CLOSED"
                    + " order by c.registeredAt desc, c.id desc",
                Object[].class)
            .setParameter("org", caller.organisation())
            .setParameter("me", caller.username())
            .setMaxResults(100)
            .getResultList());
  }

  /**
   * How many of the caller's organisation's cases match, up to {@link #COUNT_CAP} and for a bounded
   * time ({@link MatchCount}): an exact count of a million matches was most of a broad filter's
   * time.
   */
  public MatchCount countCases(CaseQuery query) {
    Caller caller = agencyCaller();
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> q =
        em.createQuery(
            "select c.id from ViolationCase c" + where(query, caller, params), Long.class);
    params.forEach(q::setParameter);
    return MatchCount.of(q, COUNT_CAP);
  }

  /** A case with its resources, evidence and history, if the caller may see it. */
  public CaseDetails openCase(long id) {
    Caller caller = agencyCaller();
    ViolationCase vc = guard.readable(id, caller);
    boolean previewable = !vc.getCategory().isRestrictedEvidence();
    // The first page of the resources with the ministry's answer on each, never all of them: a
    // case may hold thousands, and the page asks for the others a page at a time.
    List<ResourceView> resources =
        resourceQueries.page(vc.getId(), CaseResourceFilter.ALL, 0, FIRST_PAGE, users::displayName);
    long resourceCount =
        resources.size() < FIRST_PAGE
            ? resources.size()
            : resourceQueries.count(vc.getId(), CaseResourceFilter.ALL);
    List<String> contents = vc.getEvidence().stream().map(e -> e.getSha256()).toList();
    Map<String, EvidenceTimestamp> stamps = timestamps.ofEvidence(contents);
    java.util.Set<String> damaged = fixity.damagedOf(contents);
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
                        users.displayName(e.getCapturedBy()),
                        e.getCapturedAt(),
                        previewable,
                        stamps.get(e.getSha256()),
                        damaged.contains(e.getSha256())))
            .toList();
    List<CaseEvent> events =
        em.createQuery(
                "select e from CaseEvent e where e.violationCase = :c order by e.occurredAt, e.id",
                CaseEvent.class)
            .setParameter("c", vc)
            .getResultList();
    Referral referral = em.find(Referral.class, vc.getId());
    List<EventView> history =
        historyOf(
            events,
            referral,
            vc.isSealed() ? null : clock.instant(),
            notices.events(vc, users::displayName));
    Instant dismissedAt =
        events.stream()
            .filter(e -> e.getType() == CaseEvent.Type.DISMISSED)
            .map(CaseEvent::getOccurredAt)
            .reduce((a, b) -> b)
            .orElse(null);
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
        LegalBasisView.of(vc.getPickedBasis()),
        vc.getDismissalReason(),
        dismissedAt,
        vc.getStatusChangedAt(),
        vc.getClosedAt(),
        vc.isSealed(),
        CaseDetails.ReferralView.of(referral, users::displayName),
        CaseActions.of(vc, referral, CaseActions.allResourcesFinal(em, vc)),
        resources,
        resourceCount,
        evidence,
        history);
  }

  /**
   * A page of a case's resources matching the filter, in the order of the case, each with the
   * ministry's answer on it; for whoever may open the case.
   */
  public List<ResourceView> resources(
      long caseId, CaseResourceFilter filter, int first, int pageSize) {
    guard.readable(caseId, agencyCaller());
    return resourceQueries.page(
        caseId,
        filter == null ? CaseResourceFilter.ALL : filter,
        first,
        pageSize,
        users::displayName);
  }

  /** How many resources of a case match the filter; for whoever may open the case. */
  public long countResources(long caseId, CaseResourceFilter filter) {
    guard.readable(caseId, agencyCaller());
    return resourceQueries.count(caseId, filter == null ? CaseResourceFilter.ALL : filter);
  }

  /**
   * The case's history with its notifications' hand-overs merged in by time; each change of state
   * carries the time the case spent in that state, up to the next change or, for the current state
   * of an open case, up to {@code now}.
   */
  private List<EventView> historyOf(
      List<CaseEvent> events, Referral referral, Instant now, List<EventView> noticeEvents) {
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
      // A referral and its outcome are shown from the referral itself, in the reader's words.
      boolean sent = e.getType() == CaseEvent.Type.REFERRAL_SENT && referral != null;
      boolean outcome =
          e.getType() == CaseEvent.Type.REFERRAL_OUTCOME
              && referral != null
              && referral.getOutcome() != null;
      out.add(
          new EventView(
              e.getOccurredAt(),
              e.getActor(),
              users.displayName(e.getActor()),
              e.getType(),
              null,
              e.getFromStatus(),
              e.getToStatus(),
              sent ? null : outcome ? referral.getOutcomeComment() : e.getDetail(),
              null,
              null,
              null,
              sent ? RecipientBodyView.of(referral.getBody()) : null,
              sent ? referral.getLetterNumber() : null,
              sent ? referral.getLetterDate() : null,
              outcome ? referral.getOutcome() : null,
              outcome ? referral.getPenaltyMrp() : null,
              null,
              null,
              inState));
    }
    if (noticeEvents.isEmpty()) {
      return out;
    }
    List<EventView> merged = new ArrayList<>(out);
    merged.addAll(noticeEvents);
    // Stable: at the same instant the case's own entry comes first.
    merged.sort(java.util.Comparator.comparing(EventView::occurredAt));
    return merged;
  }

  private Caller agencyCaller() {
    return guard.agencyCaller();
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

  /** How many cases of notifications matching a number search are named to the database. */
  private static final int NOTICED_IDS = 1000;

  private String where(CaseQuery q, Caller caller, Map<String, Object> params) {
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
              + " ru.urlSearch like :url escape '!')");
      params.put("url", Like.contains(q.urlText()));
    }
    if (q.registrationNumber() != null && !q.registrationNumber().isBlank()) {
      w.append(" and lower(c.registrationNumber) like :regNumber escape '!'");
      params.put("regNumber", Like.contains(q.registrationNumber()));
    }
    if (q.number() != null && !q.number().isBlank()) {
      // The case's own number, or the outgoing number of one of its notifications. The cases of
      // matching notifications are looked up first: a few ids let the database combine both
      // indexes, where a subquery per case scanned a million of them for a rare number.
      params.put("number", Like.contains(q.number()));
      List<Long> noticed =
          em.createQuery(
                  "select distinct bn.violationCase.id from BlockNotice bn"
                      + " where bn.organisation = :org and lower(bn.outgoingNumber) like :number"
                      + " escape '!'",
                  Long.class)
              .setParameter("org", caller.organisation())
              .setParameter("number", params.get("number"))
              .setMaxResults(NOTICED_IDS + 1)
              .getResultList();
      if (noticed.isEmpty()) {
        w.append(" and lower(c.registrationNumber) like :number escape '!'");
      } else if (noticed.size() <= NOTICED_IDS) {
        w.append(" and (lower(c.registrationNumber) like :number escape '!' or c.id in :noticed)");
        params.put("noticed", noticed);
      } else {
        // A number most notifications share: many cases match, the list finds its page early.
        w.append(
            " and (lower(c.registrationNumber) like :number escape '!'"
                + " or c.id in (select bn.violationCase.id from BlockNotice bn"
                + " where bn.organisation = :org and lower(bn.outgoingNumber) like :number"
                + " escape '!'))");
      }
    }
    return w.toString();
  }
}
