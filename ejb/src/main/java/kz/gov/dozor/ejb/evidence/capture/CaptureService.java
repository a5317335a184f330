package kz.gov.dozor.ejb.evidence.capture;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseGuard;
import kz.gov.dozor.ejb.cases.CaseSealedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.CaptureRequest;

/**
 * The investigator's use of captures: ask the portal to capture a page for a case, see where each
 * capture of the case stands, try a failed one again.
 */
@Stateless
public class CaptureService {

  static final int MAX_URL = 2000;

  @PersistenceContext private EntityManager em;
  @Inject private CaseGuard cases;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;
  @Inject private Clock clock;
  @Inject private PageBrowser browser;
  @Inject private CaptureTargets targets;

  /** Why pages cannot be captured on this server, or null when they can. */
  @PermitAll
  public String unavailable() {
    return browser.unavailable();
  }

  /**
   * Queues a capture of {@code url} for the case. The address must be http(s) and reach no internal
   * address (unless allowed); it is checked now, for a clear answer, and again on every request the
   * page makes.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public long request(long caseId, String url, String clientAddress) {
    Caller caller = cases.agencyCaller();
    ViolationCase vc = capturable(caseId, caller);
    URI target = checked(vc, url);
    return enqueue(vc, caller, target, clientAddress);
  }

  /**
   * Queues a capture of each of the case's first {@link #AT_ONCE} resources (from the triage queue,
   * say); addresses the portal must not reach are left out. Returns how many were queued.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public int requestResources(long caseId, String clientAddress) {
    Caller caller = cases.agencyCaller();
    ViolationCase vc = capturable(caseId, caller);
    List<String> urls =
        em.createQuery(
                "select r.urlOriginal from CaseResource r where r.violationCase = :c"
                    + " order by r.position",
                String.class)
            .setParameter("c", vc)
            .setMaxResults(AT_ONCE)
            .getResultList();
    // All checked first: a refusal is audited in a transaction of its own, which must not wait
    // for this one's hold on the audit chain (taken by the first request recorded).
    List<URI> targets = new java.util.ArrayList<>();
    for (String url : urls) {
      try {
        targets.add(checked(vc, url));
      } catch (InvalidInputException refused) {
        // an internal or malformed address: not captured, the others are
      }
    }
    targets.forEach(t -> enqueue(vc, caller, t, clientAddress));
    return targets.size();
  }

  /** How many of a case's resources one request captures at most. */
  public static final int AT_ONCE = 20;

  private ViolationCase capturable(long caseId, Caller caller) {
    ViolationCase vc = cases.readable(caseId, caller);
    if (vc.isSealed()) {
      throw new CaseSealedException(vc.getRegistrationNumber());
    }
    String missing = browser.unavailable();
    if (missing != null) {
      throw new CaptureUnavailableException(missing);
    }
    return vc;
  }

  /** The address to capture, if it may be: a refusal is audited (on its own) and explained. */
  private URI checked(ViolationCase vc, String url) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem("url", "field.required")));
    }
    if (u.length() > MAX_URL) {
      throw new InvalidInputException(List.of(new Problem("url", "text.tooLong", MAX_URL)));
    }
    if (!u.contains("://")) {
      u = "https://" + u;
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(List.of(new Problem("url", "capture.url.invalid")));
    }
    try {
      new TargetPolicy(targets.allowed()).check(uri);
    } catch (CaptureFailedException e) {
      audit.recordDenied(
          "case", vc.getId(), "capture of " + u + " refused: " + e.getMessage(), null);
      throw new InvalidInputException(
          List.of(new Problem("url", "capture.refused", e.getMessage())));
    }
    return uri;
  }

  private long enqueue(ViolationCase vc, Caller caller, URI target, String clientAddress) {
    CaptureRequest r =
        new CaptureRequest(
            vc.getId(), target.toString(), caller.username(), clock.instant(), clientAddress);
    em.persist(r);
    em.flush();
    audit.record(
        AuditAction.CAPTURE_REQUESTED, "case", vc.getId(), target.toString(), clientAddress);
    return r.getId();
  }

  /** The case's captures, newest first. */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
  public List<CaptureView> forCase(long caseId) {
    cases.readable(caseId, cases.agencyCaller());
    List<CaptureRequest> rows =
        em.createQuery(
                "select r from CaptureRequest r where r.caseId = :c order by r.id desc",
                CaptureRequest.class)
            .setParameter("c", caseId)
            .setMaxResults(200)
            .getResultList();
    Map<String, String> names =
        users.displayNames(rows.stream().map(CaptureRequest::getRequestedBy).distinct().toList());
    return rows.stream()
        .map(
            r ->
                new CaptureView(
                    r.getId(),
                    r.getUrl(),
                    names.getOrDefault(r.getRequestedBy(), r.getRequestedBy()),
                    r.getRequestedAt(),
                    r.getStatus(),
                    r.getStatus() == CaptureRequest.Status.QUEUED ? waitingBefore(r.getId()) : 0,
                    r.getAttempts(),
                    r.getStartedAt(),
                    r.getFinishedAt(),
                    r.getFailure(),
                    r.getFinalUrl(),
                    r.getHttpStatus(),
                    r.getRemoteAddress(),
                    r.getBrowserVersion(),
                    files(r.getId())))
        .toList();
  }

  /** Queues a failed capture again. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public void retry(long captureId) {
    CaptureRequest r = em.find(CaptureRequest.class, captureId);
    if (r == null) {
      throw new NotFoundException("capture.notFound", captureId);
    }
    ViolationCase vc = cases.readable(r.getCaseId(), cases.agencyCaller());
    if (vc.isSealed()) {
      throw new CaseSealedException(vc.getRegistrationNumber());
    }
    if (r.getStatus() != CaptureRequest.Status.FAILED) {
      return; // queued, running or done: nothing to retry
    }
    r.requeue();
    audit.record(
        AuditAction.CAPTURE_REQUESTED, "case", r.getCaseId(), "again: " + r.getUrl(), null);
  }

  private long waitingBefore(long id) {
    return em.createQuery(
            "select count(r) from CaptureRequest r where r.status = :s and r.id < :id", Long.class)
        .setParameter("s", CaptureRequest.Status.QUEUED)
        .setParameter("id", id)
        .getSingleResult();
  }

  private long files(long captureId) {
    return em.createQuery("select count(e) from Evidence e where e.captureId = :c", Long.class)
        .setParameter("c", captureId)
        .getSingleResult();
  }
}
