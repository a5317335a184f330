package kz.gov.dozor.ejb.evidence;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.evidence.custody.Fixity;
import kz.gov.dozor.ejb.evidence.timestamps.Timestamps;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.evidence.EvidenceAccess;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;

/**
 * Receiving evidence files and giving them out again: only to those allowed to see the case, never
 * as a preview where the category forbids it, and every access recorded.
 */
@Stateless
public class EvidenceService {

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Inject private EvidenceStore store;
  @Inject private UserDirectory users;
  @Inject private Clock clock;
  @Inject private AuditLog audit;
  @Inject private Timestamps timestamps;
  @Inject private Fixity fixity;

  /** Receives and checks an uploaded file; it waits in staging until its case is registered. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public StagedEvidence receive(InputStream content, String fileName) {
    Caller caller = users.requireOrganisationMember();
    return store.receive(content, fileName, caller.username());
  }

  /** Drops an uploaded file the investigator removed from the form. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public void discard(StagedEvidence staged) {
    store.discard(staged);
  }

  /**
   * Drops the uploads of a form that was left without being sent. Runs when the form's view ends,
   * also when its session expires and no one is signed in; a file already kept is not touched.
   */
  @PermitAll
  public void discardAbandoned(List<StagedEvidence> staged) {
    staged.forEach(store::discard);
  }

  /**
   * The file of an evidence item, for the given use, if the caller may have it; the access is
   * recorded in the evidence's chain of custody.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public EvidenceFile open(long evidenceId, Action action, String clientAddress) {
    return open(evidenceId, action, clientAddress, null);
  }

  /**
   * As {@link #open(long, Action, String)}, giving why: evidence of a restricted category (child
   * sexual abuse material) is only downloaded with a reason, recorded with the access.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public EvidenceFile open(long evidenceId, Action action, String clientAddress, String reason) {
    Caller caller = users.requireOrganisationMember();
    Evidence e = permitted(caller, evidenceId, action, clientAddress);
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (e.getViolationCase().getCategory().isRestrictedEvidence() && why == null) {
      audit.recordDenied(
          "evidence",
          evidenceId,
          action + " of restricted evidence without a reason",
          clientAddress);
      throw new InvalidInputException(List.of(new Problem("reason", "evidence.reason.required")));
    }
    if (why != null && why.length() > MAX_REASON) {
      throw new InvalidInputException(List.of(new Problem("reason", "text.tooLong", MAX_REASON)));
    }
    intact(e, action);
    em.persist(
        new EvidenceAccess(e, clock.instant(), caller.username(), action, clientAddress)
            .because(why));
    audit.record(
        AuditAction.valueOf("EVIDENCE_" + action.name()),
        "evidence",
        evidenceId,
        e.getFileName() + " sha256=" + e.getSha256() + (why == null ? "" : " reason: " + why),
        clientAddress);
    return fileOf(e, action);
  }

  /** The longest reason kept. */
  static final int MAX_REASON = 1000;

  /**
   * What {@link #open} would give (type, size, name), under the same rules, without giving the
   * content: nothing was handed out, so nothing enters the chain of custody. Answers HTTP HEAD.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public EvidenceFile describe(long evidenceId, Action action, String clientAddress) {
    Caller caller = users.requireOrganisationMember();
    return fileOf(permitted(caller, evidenceId, action, clientAddress), action);
  }

  /**
   * The RFC 3161 timestamp token of an evidence item's content (DER, as {@code openssl ts -verify
   * -token_in} reads it), under the rules of a download. The token holds only the content's hash,
   * so handing it out is not an access to the file.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public TimestampFile timestampOf(long evidenceId, String clientAddress) {
    Caller caller = users.requireOrganisationMember();
    Evidence e = permitted(caller, evidenceId, Action.DOWNLOAD, clientAddress);
    byte[] token = timestamps.tokenOf(e.getSha256());
    if (token == null) {
      throw new EvidenceNotFoundException(evidenceId);
    }
    return new TimestampFile(EvidenceNames.of(e.getFileName(), e.getMediaType()) + ".tst", token);
  }

  /** A timestamp token to hand out, under the name of its evidence file. */
  public record TimestampFile(String fileName, byte[] token) {}

  /**
   * Refuses a file known to be damaged; the file itself is hashed again before it is served (a
   * thumbnail is made from it once, so the mark suffices there). A mismatch found now is recorded
   * (and the administrators told) whatever happens to this request.
   */
  private void intact(Evidence e, Action action) {
    if (fixity.isDamaged(e.getSha256())) {
      throw new EvidenceDamagedException(e.getFileName());
    }
    if (action != Action.THUMBNAIL) {
      String problem = fixity.rehash(e.getSha256());
      if (problem != null) {
        fixity.markDamaged(e.getSha256(), problem);
        throw new EvidenceDamagedException(e.getFileName());
      }
    }
  }

  /**
   * An evidence item with its chain of custody: who added it, when, how and from where, its
   * SHA-256, timestamp and fixity, and its latest {@link #CUSTODY_SHOWN} accesses (who, when, what,
   * from where, why), for whoever may have the file. Reading it is not an access to the file.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public EvidenceItem item(long evidenceId, String clientAddress) {
    Caller caller = users.requireOrganisationMember();
    Evidence e = permitted(caller, evidenceId, Action.DOWNLOAD, clientAddress);
    boolean agency = caller.belongsTo(e.getViolationCase().getOrganisation());
    List<EvidenceAccess> accesses =
        em.createQuery(
                "select a from EvidenceAccess a where a.evidence = :e"
                    + " order by a.accessedAt desc, a.id desc",
                EvidenceAccess.class)
            .setParameter("e", e)
            .setMaxResults(CUSTODY_SHOWN)
            .getResultList();
    long total =
        em.createQuery("select count(a) from EvidenceAccess a where a.evidence = :e", Long.class)
            .setParameter("e", e)
            .getSingleResult();
    Map<String, String> names =
        users.displayNames(
            java.util.stream.Stream.concat(
                    accesses.stream().map(EvidenceAccess::getUsername),
                    java.util.stream.Stream.of(e.getCapturedBy()))
                .collect(java.util.stream.Collectors.toSet()));
    var stamp = timestamps.ofEvidence(List.of(e.getSha256())).get(e.getSha256());
    var fixityRow = em.find(kz.gov.dozor.persistence.evidence.EvidenceFixity.class, e.getSha256());
    return new EvidenceItem(
        e.getId(),
        agency ? e.getViolationCase().getId() : null,
        e.getViolationCase().getRegistrationNumber(),
        e.getFileName(),
        e.getMediaType(),
        e.getSizeBytes(),
        e.getSha256(),
        e.getCapturedBy(),
        names.getOrDefault(e.getCapturedBy(), e.getCapturedBy()),
        e.getCapturedAt(),
        e.getCaptureMethod(),
        agency ? e.getClientAddress() : null,
        e.getViolationCase().getCategory().isRestrictedEvidence(),
        stamp,
        fixityRow == null ? null : fixityRow.getCheckedAt(),
        fixityRow == null ? null : fixityRow.getDamagedAt(),
        fixityRow == null ? null : fixityRow.getDetail(),
        accesses.stream()
            .map(
                a ->
                    new EvidenceItem.Access(
                        a.getAccessedAt(),
                        a.getUsername(),
                        names.getOrDefault(a.getUsername(), a.getUsername()),
                        a.getAction(),
                        a.getClientAddress(),
                        a.getReason()))
            .toList(),
        total,
        captured(e.getCaptureId()));
  }

  private EvidenceItem.Captured captured(Long captureId) {
    if (captureId == null) {
      return null;
    }
    var r = em.find(kz.gov.dozor.persistence.evidence.CaptureRequest.class, captureId);
    return r == null
        ? null
        : new EvidenceItem.Captured(
            r.getId(),
            r.getUrl(),
            r.getFinalUrl(),
            r.getHttpStatus(),
            r.getRemoteAddress(),
            r.getBrowserVersion(),
            r.getStartedAt(),
            r.getFinishedAt());
  }

  /** How many of an item's latest accesses {@link #item} lists. */
  public static final int CUSTODY_SHOWN = 500;

  /** The evidence, if the caller may have it for this use; a refusal is recorded. */
  private Evidence permitted(Caller caller, long evidenceId, Action action, String clientAddress) {
    Evidence e = em.find(Evidence.class, evidenceId);
    if (e == null) {
      throw new EvidenceNotFoundException(evidenceId);
    }
    boolean agency =
        caller.belongsTo(e.getViolationCase().getOrganisation())
            && (ctx.isCallerInRole(Roles.INVESTIGATOR) || ctx.isCallerInRole(Roles.SUPERVISOR));
    if (!agency && !sentToMinistry(e, caller)) {
      audit.recordDenied(
          "evidence", evidenceId, action + " of another organisation's evidence", clientAddress);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    boolean restricted = e.getViolationCase().getCategory().isRestrictedEvidence();
    if (action != Action.DOWNLOAD && (restricted || !e.isImage())) {
      audit.recordDenied(
          "evidence", evidenceId, action + " of evidence that is never previewed", clientAddress);
      throw new AccessDeniedException("evidence.noPreview");
    }
    return e;
  }

  private EvidenceFile fileOf(Evidence e, Action action) {
    if (action == Action.THUMBNAIL) {
      var thumb = store.thumbnailOf(e.getSha256(), e.getMediaType());
      return new EvidenceFile("thumbnail.jpg", "image/jpeg", size(thumb), e.getSha256(), thumb);
    }
    var path = store.pathOf(e.getSha256());
    // Files kept before names followed the detected type are served under such a name, too.
    return new EvidenceFile(
        EvidenceNames.of(e.getFileName(), e.getMediaType()),
        e.getMediaType(),
        e.getSizeBytes(),
        e.getSha256(),
        path);
  }

  /** A ministry officer sees evidence attached to a notification sent to the ministry. */
  private boolean sentToMinistry(Evidence e, Caller caller) {
    if (!Organisations.MCI.equals(caller.organisation()) || !ctx.isCallerInRole(Roles.OFFICER)) {
      return false;
    }
    return em.createQuery(
                "select count(n) from BlockNotice n join n.evidence ev where ev = :e and n.status in"
                    + " (kz.gov.dozor.persistence.notices.NoticeStatus.SENT,"
                    + " kz.gov.dozor.persistence.notices.NoticeStatus.INFO_REQUESTED,"
                    + " kz.gov.dozor.persistence.notices.NoticeStatus.DECIDED)",
                Long.class)
            .setParameter("e", e)
            .getSingleResult()
        > 0;
  }

  private static long size(java.nio.file.Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }
}
