package kz.gov.dozor.ejb.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseGuard;
import kz.gov.dozor.ejb.cases.CaseOpening;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.NormalizedUrl;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.NativeValues;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.CaseEvent;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.reference.Category;

/**
 * What investigators do with triage items: take and release them, make a case of them, add them to
 * a case, dismiss them. Each action is one transaction over rows locked in id order; items someone
 * else holds refuse the whole action, items already resolved are skipped and counted.
 */
@Stateless
@RolesAllowed(Roles.INVESTIGATOR)
public class TriageService {

  /** How long a take holds items; acting on them or taking them again renews it. */
  public static final Duration HOLD = Duration.ofMinutes(30);

  /**
   * The most items one dismissal or take covers (a case covers {@link CaseService#MAX_RESOURCES}).
   */
  public static final int MAX_SELECTION = 10_000;

  public static final int MAX_REASON = 1000;

  /** IN lists are sent in slices of this size, well under the driver's parameter limit. */
  private static final int SLICE = 1000;

  @PersistenceContext private EntityManager em;
  @Inject private CaseGuard guard;
  @Inject private CaseOpening opening;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;
  @Inject private Clock clock;

  /** A triage item as locked for an action. */
  private record Locked(
      long id,
      String status,
      String takenBy,
      Instant takenUntil,
      String urlOriginal,
      String urlNormalized,
      String host,
      Platform platform,
      Instant firstSeenAt,
      Long screenshotDetectionId) {

    boolean pending() {
      return "PENDING".equals(status);
    }

    boolean heldByOther(String me, Instant now) {
      return takenBy != null
          && !takenBy.equals(me)
          && takenUntil != null
          && takenUntil.isAfter(now);
    }
  }

  /**
   * Takes the chosen pending items for {@link #HOLD}, or renews the caller's hold on them. Items
   * someone else holds are left to them and counted.
   */
  public TakeOutcome take(TriageSelection selection) {
    Caller caller = guard.agencyCaller();
    Instant now = clock.instant();
    Instant until = now.plus(HOLD);
    List<Locked> items = lock(selection, caller, MAX_SELECTION);
    List<Long> free = new ArrayList<>();
    int heldByOthers = 0;
    for (Locked i : items) {
      if (!i.pending()) {
        continue;
      }
      if (i.heldByOther(caller.username(), now)) {
        heldByOthers++;
      } else {
        free.add(i.id());
      }
    }
    update(
        "update triage_item set taken_by = :me, taken_until = :until, version = version + 1"
            + " where id in (:ids)",
        free,
        Map.of("me", caller.username(), "until", until));
    if (!free.isEmpty()) {
      audit.record(AuditAction.TRIAGE_TAKEN, "triage", null, free.size() + " items", null);
    }
    return new TakeOutcome(free.size(), heldByOthers, until);
  }

  /** Releases the caller's hold on the chosen items; returns how many were released. */
  public int release(TriageSelection selection) {
    Caller caller = guard.agencyCaller();
    List<Long> mine =
        lock(selection, caller, MAX_SELECTION).stream()
            .filter(i -> caller.username().equals(i.takenBy()))
            .map(Locked::id)
            .toList();
    update(
        "update triage_item set taken_by = null, taken_until = null, version = version + 1"
            + " where id in (:ids)",
        mine,
        Map.of());
    if (!mine.isEmpty()) {
      audit.record(AuditAction.TRIAGE_RELEASED, "triage", null, mine.size() + " items", null);
    }
    return mine.size();
  }

  /**
   * Renews every hold of the caller that has not expired yet: the page calls it while the user
   * works. Returns how many items the caller holds.
   */
  public int renewHolds() {
    Caller caller = guard.agencyCaller();
    Instant now = clock.instant();
    return em.createNativeQuery(
            "update triage_item set taken_until = :until"
                + " where organisation = :org and taken_by = :me and taken_until > :now"
                + " and status = 'PENDING'")
        .setParameter("until", now.plus(HOLD))
        .setParameter("org", caller.organisation())
        .setParameter("me", caller.username())
        .setParameter("now", now)
        .executeUpdate();
  }

  /**
   * Makes one case of the chosen pending items: their URLs become its resources, their screenshots
   * its evidence, and their detections are attached to its resources.
   */
  public TriageOutcome createCase(
      TriageSelection selection, String categoryCode, String description, String clientAddress) {
    Caller caller = guard.agencyCaller();
    List<Problem> problems = new ArrayList<>();
    Category category = category(categoryCode, problems);
    if (description == null || description.isBlank()) {
      problems.add(new Problem("description", "case.description.required"));
    } else if (description.length() > CaseService.MAX_DESCRIPTION) {
      problems.add(
          new Problem("description", "case.description.tooLong", CaseService.MAX_DESCRIPTION));
    }
    Checks.noBidiControls("description", description, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    List<Locked> items = lock(selection, caller, CaseService.MAX_RESOURCES);
    List<Locked> acting = acting(items, caller, now);
    if (acting.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("selection", "triage.nothingPending")));
    }
    Instant detectedAt =
        acting.stream().map(Locked::firstSeenAt).min(Comparator.naturalOrder()).orElse(now);
    List<CaseOpening.Resource> resources =
        acting.stream()
            .map(
                i ->
                    new CaseOpening.Resource(
                        new NormalizedUrl(i.urlOriginal(), i.urlNormalized(), i.host()),
                        i.platform()))
            .toList();
    ViolationCase vc =
        opening.open(
            caller, category, description.strip(), detectedAt, resources, UUID.randomUUID(), now);
    addScreenshots(vc, acting, clientAddress);
    return intoCase(vc, items, acting, caller, now, AuditAction.TRIAGE_CASED, clientAddress);
  }

  /**
   * Adds the chosen pending items to an open case of the caller's organisation, named by its
   * registration number; a URL the case already has gets the detections, not a second resource.
   */
  public TriageOutcome addToCase(
      TriageSelection selection, String registrationNumber, String clientAddress) {
    Caller caller = guard.agencyCaller();
    if (registrationNumber == null || registrationNumber.isBlank()) {
      throw new InvalidInputException(List.of(new Problem("caseNumber", "field.required")));
    }
    String number = registrationNumber.strip();
    List<Long> found =
        em.createQuery(
                "select c.id from ViolationCase c where upper(c.registrationNumber) = :n",
                Long.class)
            .setParameter("n", number.toUpperCase(java.util.Locale.ROOT))
            .getResultList();
    if (found.isEmpty()) {
      throw new InvalidInputException(
          List.of(new Problem("caseNumber", "triage.case.notFound", number)));
    }
    // The organisation first (refusals audited), then the lock: its version moves, so a page
    // showing the case as it was refuses a change made on that old view.
    guard.readable(found.get(0), caller);
    ViolationCase vc =
        em.find(ViolationCase.class, found.get(0), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    if (vc.getStatus() == CaseStatus.CLOSED || vc.getStatus() == CaseStatus.DISMISSED) {
      throw new InvalidInputException(
          List.of(new Problem("caseNumber", "triage.case.notOpen", vc.getRegistrationNumber())));
    }
    Instant now = clock.instant();
    List<Locked> items = lock(selection, caller, CaseService.MAX_RESOURCES);
    List<Locked> acting = acting(items, caller, now);
    if (acting.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("selection", "triage.nothingPending")));
    }
    Set<String> known = new HashSet<>();
    for (CaseResource r : vc.getResources()) {
      known.add(r.getUrlNormalized());
    }
    int added = 0;
    for (Locked i : acting) {
      if (known.add(i.urlNormalized())) {
        vc.addResource(i.urlOriginal(), i.urlNormalized(), i.host(), i.platform());
        added++;
      }
    }
    if (vc.getResources().size() > CaseService.MAX_RESOURCES) {
      throw new InvalidInputException(
          List.of(new Problem("selection", "case.resources.tooMany", CaseService.MAX_RESOURCES)));
    }
    addScreenshots(vc, acting, clientAddress);
    em.persist(
        new CaseEvent(
            vc,
            now,
            caller.username(),
            CaseEvent.Type.RESOURCES_ADDED,
            null,
            null,
            String.valueOf(added)));
    return intoCase(
        vc, items, acting, caller, now, AuditAction.TRIAGE_ADDED_TO_CASE, clientAddress);
  }

  /** The items acted on now belong to the case: resolved, audited, counted. */
  private TriageOutcome intoCase(
      ViolationCase vc,
      List<Locked> items,
      List<Locked> acting,
      Caller caller,
      Instant now,
      AuditAction action,
      String clientAddress) {
    em.flush();
    resolveIntoCase(vc, acting, caller, now);
    audit.record(
        action,
        "case",
        vc.getId(),
        vc.getRegistrationNumber() + ": " + acting.size() + " items",
        clientAddress);
    return new TriageOutcome(
        acting.size(), items.size() - acting.size(), vc.getId(), vc.getRegistrationNumber());
  }

  /** Dismisses the chosen pending items with a reason. */
  public TriageOutcome dismiss(TriageSelection selection, String reason) {
    Caller caller = guard.agencyCaller();
    List<Problem> problems = new ArrayList<>();
    Checks.required("reason", reason, MAX_REASON, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    List<Locked> items = lock(selection, caller, MAX_SELECTION);
    List<Locked> acting = acting(items, caller, now);
    if (acting.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("selection", "triage.nothingPending")));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("reason", reason.strip());
    params.put("me", caller.username());
    params.put("now", now);
    update(
        "update triage_item set status = 'DISMISSED', dismissal_reason = :reason,"
            + " resolved_by = :me, resolved_at = :now, taken_by = null, taken_until = null,"
            + " version = version + 1 where id in (:ids)",
        acting.stream().map(Locked::id).toList(),
        params);
    String detail = acting.size() + " items: " + reason.strip();
    audit.record(
        AuditAction.TRIAGE_DISMISSED,
        "triage",
        null,
        detail.length() > 500 ? detail.substring(0, 500) : detail,
        null);
    return new TriageOutcome(acting.size(), items.size() - acting.size(), null, null);
  }

  /**
   * The pending items among those locked, after checking that nobody else holds any of them: if
   * someone does, the whole action is refused and names who.
   */
  private List<Locked> acting(List<Locked> items, Caller caller, Instant now) {
    List<Locked> pending = items.stream().filter(Locked::pending).toList();
    List<Locked> held =
        pending.stream().filter(i -> i.heldByOther(caller.username(), now)).toList();
    if (!held.isEmpty()) {
      throw new TriageItemsTakenException(held.size(), users.displayName(held.get(0).takenBy()));
    }
    return pending;
  }

  /**
   * Locks the chosen items of the caller's organisation in id order (so two actions never
   * deadlock). Ticked items of another organisation, or that do not exist, refuse the action; "all
   * that match" takes at most {@code max} items and refuses more.
   */
  private List<Locked> lock(TriageSelection selection, Caller caller, int max) {
    String columns =
        "select t.id, t.status, t.taken_by, t.taken_until, t.url_original, t.url_normalized,"
            + " t.host, t.platform, t.first_seen_at, t.screenshot_detection_id"
            + " from triage_item t";
    List<Object[]> rows = new ArrayList<>();
    if (selection.matching() != null) {
      Map<String, Object> params = new HashMap<>();
      String where = TriageFilter.where(selection.matching(), caller.organisation(), params);
      Query q =
          em.createNativeQuery(
              columns + where + " order by t.id limit " + (max + 1) + " for update");
      TriageFilter.bind(q, params);
      rows.addAll(rows(q));
    } else {
      List<Long> ids = selection.ids().stream().distinct().sorted().toList();
      if (ids.size() > max) {
        throw tooMany(max);
      }
      for (int from = 0; from < ids.size(); from += SLICE) {
        List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
        rows.addAll(
            rows(
                em.createNativeQuery(
                        columns
                            + " where t.organisation = :org and t.id in (:ids)"
                            + " order by t.id for update")
                    .setParameter("org", caller.organisation())
                    .setParameter("ids", slice)));
      }
      if (rows.size() < ids.size()) {
        audit.recordDenied(
            "triage",
            null,
            (ids.size() - rows.size()) + " triage items of another organisation or none",
            null);
        throw new AccessDeniedException("access.otherOrganisation");
      }
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("selection", "triage.selection.empty")));
    }
    if (rows.size() > max) {
      throw tooMany(max);
    }
    List<Locked> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Locked(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              NativeValues.instant(r[3]),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              Platform.valueOf((String) r[7]),
              NativeValues.instant(r[8]),
              r[9] == null ? null : ((Number) r[9]).longValue()));
    }
    return out;
  }

  private static InvalidInputException tooMany(int max) {
    return new InvalidInputException(
        List.of(new Problem("selection", "triage.selection.tooMany", max)));
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query q) {
    return q.getResultList();
  }

  /**
   * The items' screenshots (one per item, the file its detection kept) as the case's evidence, each
   * file once, and none the case holds already.
   */
  private void addScreenshots(ViolationCase vc, List<Locked> items, String clientAddress) {
    List<Long> ids =
        items.stream()
            .map(Locked::screenshotDetectionId)
            .filter(java.util.Objects::nonNull)
            .toList();
    if (ids.isEmpty()) {
      return;
    }
    Set<String> kept = new HashSet<>();
    for (Evidence e : vc.getEvidence()) {
      kept.add(e.getSha256());
    }
    Map<String, Object[]> bySha = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += SLICE) {
      for (Object[] r :
          rows(
              em.createNativeQuery(
                      "select d.screenshot_sha256, d.screenshot_name, d.screenshot_type,"
                          + " d.screenshot_bytes, d.screenshot_width, d.screenshot_height,"
                          + " d.received_from, d.received_at, d.source_system"
                          + " from detection d where d.id in (:ids)"
                          + " and d.screenshot_sha256 is not null order by d.id")
                  .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + SLICE))))) {
        String sha = ((String) r[0]).strip();
        if (!kept.contains(sha)) {
          bySha.putIfAbsent(sha, r);
        }
      }
    }
    for (Map.Entry<String, Object[]> e : bySha.entrySet()) {
      Object[] r = e.getValue();
      String method = "monitoring: " + r[8];
      opening.addEvidence(
          vc,
          new CaseOpening.EvidenceFile(
              r[1] == null ? e.getKey() : (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              e.getKey(),
              r[4] == null ? null : ((Number) r[4]).intValue(),
              r[5] == null ? null : ((Number) r[5]).intValue(),
              (String) r[6],
              NativeValues.instant(r[7]),
              method.length() > 100 ? method.substring(0, 100) : method,
              clientAddress));
    }
  }

  /**
   * Marks the items as part of the case and attaches their detections to its resources of the same
   * normalised URL, set-based.
   */
  private void resolveIntoCase(ViolationCase vc, List<Locked> items, Caller caller, Instant now) {
    List<Long> ids = items.stream().map(Locked::id).toList();
    Map<String, Object> params = new HashMap<>();
    params.put("caseId", vc.getId());
    params.put("me", caller.username());
    params.put("now", now);
    update(
        "update triage_item set status = 'CASED', case_id = :caseId, resolved_by = :me,"
            + " resolved_at = :now, taken_by = null, taken_until = null, version = version + 1"
            + " where id in (:ids)",
        ids,
        params);
    update(
        "update detection d set case_resource_id = r.id from triage_item t, case_resource r"
            + " where d.triage_item_id = t.id and t.id in (:ids)"
            + " and r.case_id = :caseId and r.url_normalized = t.url_normalized",
        ids,
        Map.of("caseId", vc.getId()));
  }

  /** Runs an update over ids in slices. */
  private void update(String sql, List<Long> ids, Map<String, Object> params) {
    for (int from = 0; from < ids.size(); from += SLICE) {
      Query q =
          em.createNativeQuery(sql)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + SLICE)));
      params.forEach(q::setParameter);
      q.executeUpdate();
    }
  }

  private Category category(String code, List<Problem> out) {
    if (code == null || code.isBlank()) {
      out.add(new Problem("category", "case.category.required"));
      return null;
    }
    Category c = em.find(Category.class, code);
    if (c == null || !c.isActive()) {
      out.add(new Problem("category", "case.category.unknown"));
      return null;
    }
    return c;
  }
}
