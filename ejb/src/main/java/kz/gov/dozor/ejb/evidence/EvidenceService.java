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
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
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
    Caller caller = users.requireOrganisationMember();
    Evidence e = permitted(caller, evidenceId, action, clientAddress);
    em.persist(new EvidenceAccess(e, clock.instant(), caller.username(), action, clientAddress));
    audit.record(
        AuditAction.valueOf("EVIDENCE_" + action.name()),
        "evidence",
        evidenceId,
        e.getFileName() + " sha256=" + e.getSha256(),
        clientAddress);
    return fileOf(e, action);
  }

  /**
   * What {@link #open} would give (type, size, name), under the same rules, without giving the
   * content: nothing was handed out, so nothing enters the chain of custody. Answers HTTP HEAD.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public EvidenceFile describe(long evidenceId, Action action, String clientAddress) {
    Caller caller = users.requireOrganisationMember();
    return fileOf(permitted(caller, evidenceId, action, clientAddress), action);
  }

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
