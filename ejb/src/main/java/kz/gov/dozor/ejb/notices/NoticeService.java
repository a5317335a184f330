package kz.gov.dozor.ejb.notices;

import static kz.gov.dozor.ejb.platform.Checks.blankToNull;
import static kz.gov.dozor.ejb.platform.Checks.maxLength;
import static kz.gov.dozor.ejb.platform.Checks.refuseIf;
import static kz.gov.dozor.ejb.platform.Checks.required;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseGuard;
import kz.gov.dozor.ejb.cases.CaseResourceFilter;
import kz.gov.dozor.ejb.cases.CaseResourceQueries;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.cases.TransitionNotAllowedException;
import kz.gov.dozor.ejb.evidence.EvidenceDamagedException;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.custody.Fixity;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.reference.Deadlines;
import kz.gov.dozor.ejb.reference.PickedBasis;
import kz.gov.dozor.ejb.registry.RegistryService;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.cases.CaseStatus;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.evidence.EvidenceAccess;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.NoticePackage;
import kz.gov.dozor.persistence.notices.NoticeResource;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import kz.gov.dozor.persistence.reference.DeadlineStep;
import kz.gov.dozor.persistence.reference.LegalBasis;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/**
 * Block notifications across the two organisations: drafted by an investigator, signed off by
 * another person (a supervisor of the same organisation), decided by a ministry officer resource by
 * resource, answered and resent by the agency. Every hand-over is recorded.
 */
@Stateless
public class NoticeService {

  public static final int MAX_TEXT = 4000;

  /** The ministry's name in the registry: the body that issues the decisions. */
  @PersistenceContext private EntityManager em;

  @Resource private SessionContext ctx;
  @Inject private CaseGuard cases;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;
  @Inject private Clock clock;
  @Inject private Deadlines deadlines;
  @Inject private NoticeResponsibles responsibles;
  @Inject private NoticeItemQueries items;
  @Inject private RegistryService registry;
  @Inject private CaseResourceQueries caseResources;
  @Inject private NoticePackages packages;
  @Inject private EvidenceStore evidenceStore;
  @Inject private Fixity fixity;

  // ---- the agency ----

  /**
   * Drafts a notification for resources of a case on the blocking route and submits it. The legal
   * basis is a basis picked from the list ({@code legalBasisId}, which must still be offered)
   * and/or the text as typed; a pick with no text cites the basis itself.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public long submit(
      long caseId,
      List<Long> resourceIds,
      Long legalBasisId,
      String legalBasis,
      String justification,
      List<Long> evidenceIds) {
    return submit(caseId, resourceIds, legalBasisId, legalBasis, justification, evidenceIds, "ru");
  }

  /**
   * As {@link #submit(long, List, Long, String, String, List)}, with the official letter in {@code
   * letterLanguage} (kk, ru or en).
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public long submit(
      long caseId,
      List<Long> resourceIds,
      Long legalBasisId,
      String legalBasis,
      String justification,
      List<Long> evidenceIds,
      String letterLanguage) {
    List<Problem> problems = new ArrayList<>();
    if (letterLanguage == null || !UserDirectory.LANGUAGES.contains(letterLanguage)) {
      problems.add(new Problem("letterLanguage", "notice.letterLanguage.required"));
    }
    if (resourceIds == null || resourceIds.isEmpty()) {
      problems.add(new Problem("resources", "notice.resources.required"));
    }
    LegalBasis picked = legalBasis(legalBasisId, legalBasis, problems);
    required("justification", justification, MAX_TEXT, problems);
    if (evidenceIds == null || evidenceIds.isEmpty()) {
      problems.add(new Problem("evidence", "notice.evidence.required"));
    }
    refuseIf(problems);
    Caller caller = cases.agencyCaller();
    ViolationCase vc = cases.readable(caseId, caller);
    if (vc.getStatus() != CaseStatus.BLOCKING) {
      throw new TransitionNotAllowedException("notice.caseNotBlocking", vc.getStatus());
    }
    Instant now = clock.instant();
    BlockNotice notice =
        new BlockNotice(
            vc,
            PickedBasis.text(legalBasis, picked),
            picked,
            justification.strip(),
            caller.username(),
            now);
    notice.letterIn(letterLanguage);
    Set<Long> busy = resourcesInOpenOrBlockingNotices(vc);
    // One query for all of them: a notification may name thousands of the case's resources.
    Map<Long, CaseResource> ofCase = new java.util.HashMap<>();
    Set<Long> wanted = new HashSet<>(resourceIds);
    for (List<Long> chunk : chunks(new ArrayList<>(wanted), 1000)) {
      em.createQuery(
              "select r from CaseResource r where r.violationCase = :c and r.id in :ids",
              CaseResource.class)
          .setParameter("c", vc)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(r -> ofCase.put(r.getId(), r));
    }
    for (Long id : new java.util.TreeSet<>(wanted)) {
      CaseResource r = ofCase.get(id);
      if (r == null) {
        throw new InvalidInputException(
            List.of(new Problem("resources", "notice.resources.notOfCase")));
      }
      if (busy.contains(id)) {
        throw new InvalidInputException(
            List.of(new Problem("resources", "notice.resources.busy", r.getUrlOriginal())));
      }
      notice.addResource(r);
    }
    for (Long id : new HashSet<>(evidenceIds)) {
      Evidence e = em.find(Evidence.class, id);
      if (e == null || !e.getViolationCase().getId().equals(vc.getId())) {
        throw new InvalidInputException(
            List.of(new Problem("evidence", "notice.evidence.notOfCase")));
      }
      notice.attach(e);
    }
    notice.due(deadlines.dueFor(DeadlineStep.SIGN_OFF, now));
    em.persist(notice);
    event(notice, caller, NoticeEvent.Type.SUBMITTED, null);
    handedOver(notice, "submitted for sign-off", "inbox.awaitingSignOff");
    return notice.getId();
  }

  /**
   * The ids of the case's resources a new notification may name: those in no notification still
   * open and not blocked, in the order of the case. Lets the investigator name them all at once.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public List<Long> resourcesToNotify(long caseId) {
    return resourcesToNotify(caseId, null);
  }

  /**
   * As {@link #resourcesToNotify(long)}, only those whose address (as entered or normalised)
   * contains {@code urlText}, ignoring case; all of them when it is blank.
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public List<Long> resourcesToNotify(long caseId, String urlText) {
    Caller caller = cases.agencyCaller();
    ViolationCase vc = cases.readable(caseId, caller);
    // One statement: the same "free" as submit() checks, without loading the case's resources.
    return caseResources.ids(vc.getId(), CaseResourceFilter.free(urlText));
  }

  /** The investigator corrects a notification the supervisor returned and submits it again. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public void resubmit(
      long noticeId, long version, Long legalBasisId, String legalBasis, String justification) {
    List<Problem> problems = new ArrayList<>();
    LegalBasis picked = legalBasis(legalBasisId, legalBasis, problems);
    required("justification", justification, MAX_TEXT, problems);
    refuseIf(problems);
    Caller caller = cases.agencyCaller();
    BlockNotice n = agencyNotice(noticeId, version, caller);
    move(n, NoticeStatus.AWAITING_SIGN_OFF);
    n.revise(PickedBasis.text(legalBasis, picked), picked, justification.strip(), clock.instant());
    n.due(deadlines.dueFor(DeadlineStep.SIGN_OFF, clock.instant()));
    event(n, caller, NoticeEvent.Type.SUBMITTED, null);
    handedOver(n, "resubmitted for sign-off", "inbox.awaitingSignOff");
  }

  /**
   * A supervisor signs the notification off: it gets its outgoing number and goes to the ministry.
   */
  @RolesAllowed(Roles.SUPERVISOR)
  public String signOff(long noticeId, long version, String comment) {
    List<Problem> problems = new ArrayList<>();
    maxLength("comment", comment, MAX_TEXT, problems);
    refuseIf(problems);
    Caller caller = cases.agencyCaller();
    BlockNotice n = agencyNotice(noticeId, version, caller);
    if (n.getDraftedBy().equals(caller.username())) {
      audit.recordDenied("notice", noticeId, "sign-off of one's own draft", null);
      throw new FourEyesException();
    }
    move(n, NoticeStatus.SENT);
    Instant now = clock.instant();
    n.reviewed(caller.username(), blankToNull(comment));
    n.sent(n.getOutgoingNumber() == null ? nextNumber(n.getOrganisation(), now) : null, now);
    n.due(deadlines.dueFor(DeadlineStep.MINISTRY_DECISION, now));
    // The letter and the signed manifest are made now, with the sign-off: what was signed off is
    // what the ministry receives.
    packages.produce(n, caller.username(), now);
    event(n, caller, NoticeEvent.Type.SIGNED_OFF_AND_SENT, n.getOutgoingNumber());
    handedOver(
        n,
        "signed off and sent to the ministry as " + n.getOutgoingNumber(),
        "inbox.sentToMinistry");
    return n.getOutgoingNumber();
  }

  /** A supervisor returns the notification to the investigator with comments. */
  @RolesAllowed(Roles.SUPERVISOR)
  public void returnToInvestigator(long noticeId, long version, String comment) {
    List<Problem> problems = new ArrayList<>();
    required("comment", comment, MAX_TEXT, problems);
    refuseIf(problems);
    Caller caller = cases.agencyCaller();
    BlockNotice n = agencyNotice(noticeId, version, caller);
    move(n, NoticeStatus.RETURNED_BY_SUPERVISOR);
    n.reviewed(caller.username(), comment.strip());
    n.due(deadlines.dueFor(DeadlineStep.AGENCY_ANSWER, clock.instant()));
    event(n, caller, NoticeEvent.Type.RETURNED_BY_SUPERVISOR, comment.strip());
    handedOver(n, "returned to the investigator", "inbox.returnedBySupervisor");
  }

  /** The agency answers the ministry's questions and sends the notification again. */
  @RolesAllowed(Roles.INVESTIGATOR)
  public void answerAndResend(long noticeId, long version, Map<Long, String> answers) {
    answerAndResend(noticeId, version, answers, null);
  }

  /**
   * The agency answers the ministry's questions and sends the notification again: each returned
   * resource gets its own answer, or {@code commonAnswer} when it has none (a notification may have
   * hundreds of resources returned with one question).
   */
  @RolesAllowed(Roles.INVESTIGATOR)
  public void answerAndResend(
      long noticeId, long version, Map<Long, String> answers, String commonAnswer) {
    Caller caller = cases.agencyCaller();
    BlockNotice n = agencyNotice(noticeId, version, caller);
    if (n.getStatus() != NoticeStatus.INFO_REQUESTED) {
      throw new TransitionNotAllowedException(
          "notice.transitionNotAllowed", n.getStatus(), NoticeStatus.SENT);
    }
    List<Problem> problems = new ArrayList<>();
    maxLength("commonAnswer", commonAnswer, MAX_TEXT, problems);
    Map<Long, String> given = new java.util.HashMap<>();
    for (NoticeResource r : n.getResources()) {
      if (r.getDecision() == ResourceDecision.RETURN) {
        String own = answers == null ? null : blankToNull(answers.get(r.getId()));
        String answer = own != null ? own : blankToNull(commonAnswer);
        required("answer:" + r.getId(), answer, MAX_TEXT, problems);
        if (answer != null) {
          given.put(r.getId(), answer.strip());
        }
      }
    }
    refuseIf(problems);
    move(n, NoticeStatus.SENT);
    n.nextRound(clock.instant());
    for (NoticeResource r : n.getResources()) {
      if (r.getDecision() == ResourceDecision.RETURN) {
        r.answered(given.get(r.getId()));
      }
    }
    n.due(deadlines.dueFor(DeadlineStep.MINISTRY_DECISION, clock.instant()));
    event(n, caller, NoticeEvent.Type.ANSWERED_AND_RESENT, null);
    handedOver(n, "answered and sent again, round " + n.getRound(), "inbox.answered");
  }

  // ---- the ministry ----

  /**
   * An officer decides on one resource: block (with the ministry's decision number and date),
   * refuse (with a reason) or return for more information (with a question). When every resource
   * has a decision, the notification is decided, or goes back with its questions.
   */
  @RolesAllowed(Roles.OFFICER)
  public void decide(
      long noticeId,
      long version,
      long itemId,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String text) {
    refuseIf(decisionProblems(decision, decisionNumber, decisionDate, text));
    Caller officer = ministryOfficer();
    BlockNotice n = ministryNotice(noticeId, officer);
    checkVersion(n, version);
    if (n.getStatus() != NoticeStatus.SENT) {
      throw new TransitionNotAllowedException("decision.notExpected", n.getStatus());
    }
    NoticeResource item = em.find(NoticeResource.class, itemId);
    if (item == null || !item.getNotice().getId().equals(n.getId())) {
      throw new NoticeNotFoundException(noticeId);
    }
    if (item.getDecision() != null) {
      throw new TransitionNotAllowedException("decision.alreadyDecided", item.getDecision());
    }
    Instant now = clock.instant();
    boolean block = decision == ResourceDecision.BLOCK;
    item.decide(
        decision,
        block ? decisionNumber.strip() : null,
        block ? decisionDate : null,
        block ? null : text.strip(),
        officer.username(),
        now);
    if (block) {
      registry.recordBlocks(n.getId(), officer.username(), now);
    }
    NoticeEvent.Type type =
        switch (decision) {
          case BLOCK -> NoticeEvent.Type.RESOURCE_BLOCKED;
          case REFUSE -> NoticeEvent.Type.RESOURCE_REFUSED;
          case RETURN -> NoticeEvent.Type.RESOURCE_RETURNED;
        };
    event(
        n,
        officer,
        type,
        NoticeEvent.aboutResource(
            item.getResource().getUrlNormalized(), block ? decisionNumber.strip() : text.strip()));
    audit.record(
        AuditAction.RESOURCE_DECIDED,
        "notice",
        noticeId,
        decision + " " + item.getResource().getUrlNormalized(),
        null);
    settle(n, officer, now);
  }

  /**
   * An officer records one decision on many resources of a notification at once: those chosen
   * ({@code itemIds}) among the ones matching {@code filter}, or, with {@code itemIds} null, all
   * that match it. Block (one decision number and date), refuse (one reason) or return (one
   * question), in one transaction: the decisions and registry entries are written set-based, and
   * the notification's history and the audit log get one entry with the count. Resources of the
   * selection decided already are skipped and counted. When no resource waits any more, the
   * notification moves on as after {@link #decide}.
   */
  @RolesAllowed(Roles.OFFICER)
  public BulkDecision decideMany(
      long noticeId,
      long version,
      NoticeItemFilter filter,
      java.util.Collection<Long> itemIds,
      ResourceDecision decision,
      String decisionNumber,
      LocalDate decisionDate,
      String text) {
    List<Problem> problems = decisionProblems(decision, decisionNumber, decisionDate, text);
    if (itemIds != null && itemIds.isEmpty()) {
      problems.add(new Problem("selection", "decision.selection.required"));
    } else if (itemIds != null && itemIds.size() > NoticeItemQueries.MAX_SELECTED) {
      problems.add(
          new Problem("selection", "decision.selection.tooMany", NoticeItemQueries.MAX_SELECTED));
    }
    refuseIf(problems);
    Caller officer = ministryOfficer();
    BlockNotice n = ministryNotice(noticeId, officer);
    checkVersion(n, version);
    if (n.getStatus() != NoticeStatus.SENT) {
      throw new TransitionNotAllowedException("decision.notExpected", n.getStatus());
    }
    // Locked and given a new version first: a concurrent decision on the same notification waits
    // for this one and then fails its version check instead of deciding the same resources twice.
    lockForChange(n);
    NoticeItemFilter f = filter == null ? NoticeItemFilter.ALL : filter;
    long[] selected = items.selected(noticeId, f, itemIds);
    if (selected[0] == 0) {
      throw new InvalidInputException(
          List.of(new Problem("selection", "decision.selection.required")));
    }
    Instant now = clock.instant();
    boolean block = decision == ResourceDecision.BLOCK;
    String number = block ? decisionNumber.strip() : null;
    String said = block ? null : text.strip();
    int decided =
        items.decide(
            noticeId,
            f,
            itemIds,
            decision,
            number,
            block ? decisionDate : null,
            said,
            officer.username(),
            now);
    if (block && decided > 0) {
      registry.recordBlocks(noticeId, officer.username(), now);
    }
    int skipped = (int) (selected[0] - decided);
    if (decided > 0) {
      NoticeEvent.Type type =
          switch (decision) {
            case BLOCK -> NoticeEvent.Type.RESOURCES_BLOCKED;
            case REFUSE -> NoticeEvent.Type.RESOURCES_REFUSED;
            case RETURN -> NoticeEvent.Type.RESOURCES_RETURNED;
          };
      event(n, officer, type, NoticeEvent.aboutResources(decided, block ? number : said));
      audit.record(
          AuditAction.RESOURCE_DECIDED,
          "notice",
          noticeId,
          decision
              + " "
              + decided
              + " resources at once"
              + (skipped > 0 ? ", " + skipped + " decided already" : ""),
          null);
    }
    boolean done = settle(n, officer, now);
    return new BulkDecision(decided, skipped, done);
  }

  /**
   * When no resource of the notification waits for a decision any more, it is decided, or goes back
   * to the agency with the questions asked; otherwise it just gets a new version. Returns whether
   * it moved on.
   */
  private boolean settle(BlockNotice n, Caller officer, Instant now) {
    flush();
    if (items.pending(n.getId()) > 0) {
      touch(n);
      return false;
    }
    boolean questions = items.anyReturned(n.getId());
    move(n, questions ? NoticeStatus.INFO_REQUESTED : NoticeStatus.DECIDED);
    if (questions) {
      n.due(deadlines.dueFor(DeadlineStep.AGENCY_ANSWER, now));
    } else {
      n.decided(now);
      n.due(null);
    }
    event(n, officer, questions ? NoticeEvent.Type.INFO_REQUESTED : NoticeEvent.Type.DECIDED, null);
    handedOver(
        n,
        questions ? "returned to the agency for more information" : "decided",
        questions ? "inbox.infoRequested" : "inbox.decided");
    return true;
  }

  /** The fields a decision needs: a number and a date not in the future for a block, else text. */
  private List<Problem> decisionProblems(
      ResourceDecision decision, String decisionNumber, LocalDate decisionDate, String text) {
    List<Problem> problems = new ArrayList<>();
    if (decision == null) {
      problems.add(new Problem("decision", "decision.required"));
    } else if (decision == ResourceDecision.BLOCK) {
      required("decisionNumber", decisionNumber, 100, problems);
      if (decisionDate == null) {
        problems.add(new Problem("decisionDate", "decision.date.required"));
      } else if (decisionDate.isAfter(LocalDate.now(clock.withZone(Almaty.ZONE)))) {
        problems.add(new Problem("decisionDate", "decision.date.future"));
      }
    } else {
      required("text", text, MAX_TEXT, problems);
    }
    return problems;
  }

  /** An officer lifts a block: the content was removed, or a court lifted the restriction. */
  @RolesAllowed(Roles.OFFICER)
  public void liftBlock(long registryEntryId, long version, String reason) {
    List<Problem> problems = new ArrayList<>();
    required("reason", reason, MAX_TEXT, problems);
    refuseIf(problems);
    Caller officer = ministryOfficer();
    RegistryEntry entry = activeEntry(registryEntryId, version, "lift.notActive");
    registry.lift(entry, officer.username(), reason.strip(), clock.instant());
    event(
        entry.getNotice(),
        officer,
        NoticeEvent.Type.BLOCK_LIFTED,
        NoticeEvent.aboutResource(entry.getUrlNormalized(), reason.strip()));
    audit.record(
        AuditAction.BLOCK_LIFTED, "registry", registryEntryId, entry.getUrlNormalized(), null);
    responsibles.tell(
        responsibles.drafterOrColleagues(entry.getNotice()),
        entry.getNotice(),
        "inbox.blockLifted");
    flush();
  }

  /**
   * Corrects the decision number and date of an active block (a mistyped number or date), as the
   * officer saw it ({@code version}): the notification's decision, its history and the registry
   * change together, and providers see the entry changed in the next delta.
   */
  @RolesAllowed(Roles.OFFICER)
  public void correctBlock(
      long registryEntryId,
      long version,
      String decisionNumber,
      LocalDate decisionDate,
      String reason) {
    List<Problem> problems =
        decisionProblems(ResourceDecision.BLOCK, decisionNumber, decisionDate, null);
    required("reason", reason, MAX_TEXT, problems);
    refuseIf(problems);
    Caller officer = ministryOfficer();
    RegistryEntry entry = activeEntry(registryEntryId, version, "correct.notActive");
    String number = decisionNumber.strip();
    if (number.equals(entry.getDecisionNumber()) && decisionDate.equals(entry.getDecisionDate())) {
      refuseIf(List.of(new Problem("decisionNumber", "correct.nothingChanged")));
    }
    String change =
        entry.getDecisionNumber()
            + " "
            + entry.getDecisionDate()
            + " → "
            + number
            + " "
            + decisionDate
            + ": "
            + reason.strip();
    em.createNativeQuery(
            "update block_notice_resource set decision_number = :number, decision_date = :date"
                + " where notice_id = :notice and resource_id = :resource and decision = 'BLOCK'")
        .setParameter("number", number)
        .setParameter("date", decisionDate)
        .setParameter("notice", entry.getNotice().getId())
        .setParameter("resource", entry.getResource().getId())
        .executeUpdate();
    registry.correct(entry, number, decisionDate, officer.username(), clock.instant());
    event(
        entry.getNotice(),
        officer,
        NoticeEvent.Type.BLOCK_CORRECTED,
        NoticeEvent.aboutResource(entry.getUrlNormalized(), change));
    audit.record(
        AuditAction.BLOCK_CORRECTED,
        "registry",
        registryEntryId,
        entry.getUrlNormalized() + ": " + change,
        null);
    flush();
  }

  /** The registry entry as the officer saw it, still active; else the refusal's key. */
  private RegistryEntry activeEntry(long registryEntryId, long version, String notActiveKey) {
    RegistryEntry entry = em.find(RegistryEntry.class, registryEntryId);
    if (entry == null) {
      throw new NoticeNotFoundException(registryEntryId);
    }
    if (entry.getVersion() != version) {
      throw new ConcurrentChangeException();
    }
    if (!entry.isActive()) {
      throw new TransitionNotAllowedException(notActiveKey);
    }
    return entry;
  }

  // ---- reading ----

  /** A notification, for its agency's staff or, once sent, for ministry officers. */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public NoticeDetails open(long noticeId) {
    BlockNotice n = em.find(BlockNotice.class, noticeId);
    boolean agency = readable(n, noticeId);
    // The ministry sees the notification from its sending onward, never the agency's review.
    return NoticeViews.details(em, users, items, n, !agency);
  }

  /**
   * A page of a notification's resources matching the filter, in the order they were added, for
   * whoever may open the notification.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public List<NoticeDetails.Item> items(
      long noticeId, NoticeItemFilter filter, int first, int pageSize) {
    readable(em.find(BlockNotice.class, noticeId), noticeId);
    return items.page(noticeId, filter == null ? NoticeItemFilter.ALL : filter, first, pageSize);
  }

  /** How many resources of a notification match the filter. */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public long countItems(long noticeId, NoticeItemFilter filter) {
    readable(em.find(BlockNotice.class, noticeId), noticeId);
    return items.count(noticeId, filter == null ? NoticeItemFilter.ALL : filter);
  }

  /**
   * The official letter of a signed-off notification (PDF), for whoever may open the notification.
   * It names the evidence but holds none, so it is not an access to evidence.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public NoticeDocument letter(long noticeId) {
    BlockNotice n = em.find(BlockNotice.class, noticeId);
    readable(n, noticeId);
    NoticePackage p = packageOf(n);
    return new NoticeDocument(n.getOutgoingNumber() + ".pdf", "application/pdf", p.getLetter());
  }

  /**
   * The notification package of a signed-off notification: the letter, the evidence files, the
   * manifest and the agency's signature of it, for whoever may open the notification. Every
   * evidence file in it is recorded in its chain of custody as exported; for evidence of a
   * restricted category (child sexual abuse material) the person must give a reason, which is
   * recorded with it.
   */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER})
  public NoticePackageContent exportPackage(long noticeId, String reason, String clientAddress) {
    BlockNotice n = em.find(BlockNotice.class, noticeId);
    readable(n, noticeId);
    NoticePackage p = packageOf(n);
    boolean restricted = n.getViolationCase().getCategory().isRestrictedEvidence();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    List<Problem> problems = new ArrayList<>();
    if (restricted && why == null) {
      problems.add(new Problem("reason", "evidence.reason.required"));
    }
    maxLength("reason", why, MAX_TEXT, problems);
    refuseIf(problems);
    List<NoticePackageContent.Entry> files = new ArrayList<>();
    for (NoticePackages.ManifestFile f : NoticePackages.filesOf(p.getManifest())) {
      if ("evidence".equals(f.kind())) {
        files.add(
            new NoticePackageContent.Entry(
                f.name(), f.sha256(), evidenceStore.pathOf(f.sha256()), f.token(), f.tokenFile()));
      }
    }
    NoticePackageContent content =
        new NoticePackageContent(
            n.getOutgoingNumber(), p.getLetter(), p.getManifest(), p.getManifestSignature(), files);
    // Each file hashed again before it leaves: a damaged one stops the package.
    for (NoticePackageContent.Entry f : files) {
      String problem = fixity.isDamaged(f.sha256()) ? "known damaged" : fixity.rehash(f.sha256());
      if (problem != null) {
        fixity.markDamaged(f.sha256(), problem);
        throw new EvidenceDamagedException(f.name());
      }
    }
    Caller caller = users.requireOrganisationMember();
    Instant now = clock.instant();
    for (Evidence e : n.getEvidence()) {
      em.persist(
          new EvidenceAccess(e, now, caller.username(), EvidenceAccess.Action.EXPORT, clientAddress)
              .because(why));
      audit.record(
          AuditAction.EVIDENCE_EXPORT,
          "evidence",
          e.getId(),
          e.getFileName()
              + " sha256="
              + e.getSha256()
              + " in package of "
              + n.getOutgoingNumber()
              + (why == null ? "" : " reason: " + why),
          clientAddress);
    }
    return content;
  }

  private NoticePackage packageOf(BlockNotice n) {
    NoticePackage p = em.find(NoticePackage.class, n.getId());
    if (p == null) {
      // Drafts have none; notifications signed off before packages existed neither.
      throw new NoticeNotFoundException(n.getId());
    }
    return p;
  }

  /**
   * Whether the caller may read the notification: true for its agency's staff, false for a ministry
   * officer once it was sent; anyone else is refused (and audited).
   */
  private boolean readable(BlockNotice n, long noticeId) {
    Caller caller = users.requireOrganisationMember();
    if (n == null) {
      throw new NoticeNotFoundException(noticeId);
    }
    boolean agency =
        caller.belongsTo(n.getOrganisation())
            && (ctx.isCallerInRole(Roles.INVESTIGATOR) || ctx.isCallerInRole(Roles.SUPERVISOR));
    boolean ministry = isMinistryOfficer(caller) && n.getStatus().visibleToMinistry();
    if (!agency && !ministry) {
      audit.recordDenied(
          "notice", noticeId, "notification of another organisation or not sent", null);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    return agency;
  }

  /** The notifications of a case, newest first (agency). */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
  public List<NoticeRow> forCase(long caseId) {
    Caller caller = cases.agencyCaller();
    cases.readable(caseId, caller);
    return NoticeViews.rows(em, users, "n.violationCase.id = :p order by n.id desc", caseId);
  }

  /**
   * What waits for a supervisor: notifications of the organisation awaiting sign-off, oldest first.
   */
  @RolesAllowed(Roles.SUPERVISOR)
  public List<NoticeRow> awaitingSignOff() {
    Caller caller = cases.agencyCaller();
    return NoticeViews.rows(
        em,
        users,
        "n.organisation = :p and n.status = kz.gov.dozor.persistence.notices.NoticeStatus.AWAITING_SIGN_OFF order by n.submittedAt",
        caller.organisation());
  }

  /** What waits for the agency: notifications returned by the supervisor or by the ministry. */
  @RolesAllowed({Roles.INVESTIGATOR, Roles.SUPERVISOR})
  public List<NoticeRow> returnedToAgency() {
    Caller caller = cases.agencyCaller();
    return NoticeViews.rows(
        em,
        users,
        "n.organisation = :p and n.status in (kz.gov.dozor.persistence.notices.NoticeStatus.RETURNED_BY_SUPERVISOR,"
            + " kz.gov.dozor.persistence.notices.NoticeStatus.INFO_REQUESTED) order by n.submittedAt",
        caller.organisation());
  }

  /** The ministry's inbox: notifications sent to it and awaiting decisions, oldest first. */
  @RolesAllowed(Roles.OFFICER)
  public List<NoticeRow> ministryInbox() {
    ministryOfficer();
    return NoticeViews.rows(
            em, users, "n.status = :p order by n.dueAt, n.sentAt", NoticeStatus.SENT)
        .stream()
        .map(NoticeRow::forMinistry)
        .toList();
  }

  // ---- helpers ----

  private BlockNotice agencyNotice(long noticeId, long version, Caller caller) {
    BlockNotice n = em.find(BlockNotice.class, noticeId);
    if (n == null) {
      throw new NoticeNotFoundException(noticeId);
    }
    if (!caller.belongsTo(n.getOrganisation())) {
      audit.recordDenied("notice", noticeId, "notification of another organisation", null);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    checkVersion(n, version);
    return n;
  }

  private BlockNotice ministryNotice(long noticeId, Caller officer) {
    BlockNotice n = em.find(BlockNotice.class, noticeId);
    if (n == null) {
      throw new NoticeNotFoundException(noticeId);
    }
    if (!n.getStatus().visibleToMinistry()) {
      audit.recordDenied("notice", noticeId, "notification not sent to the ministry", null);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    return n;
  }

  private Caller ministryOfficer() {
    Caller caller = users.requireOrganisationMember();
    if (!isMinistryOfficer(caller)) {
      audit.recordDenied(
          "notices", null, "ministry work asked for by " + caller.organisation(), null);
      throw new AccessDeniedException("access.ministryOnly");
    }
    return caller;
  }

  private boolean isMinistryOfficer(Caller caller) {
    return Organisations.MCI.equals(caller.organisation()) && ctx.isCallerInRole(Roles.OFFICER);
  }

  private Set<Long> resourcesInOpenOrBlockingNotices(ViolationCase vc) {
    return new HashSet<>(
        em.createQuery(
                "select nr.resource.id from NoticeResource nr where nr.notice.violationCase = :c"
                    + " and (nr.notice.status <> kz.gov.dozor.persistence.notices.NoticeStatus.DECIDED"
                    + " or nr.decision = kz.gov.dozor.persistence.notices.ResourceDecision.BLOCK)",
                Long.class)
            .setParameter("c", vc)
            .getResultList());
  }

  private static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      out.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return out;
  }

  private String nextNumber(String organisation, Instant now) {
    int year = now.atZone(Almaty.ZONE).getYear();
    Number next =
        (Number)
            em.createNativeQuery(
                    "insert into notice_counter (organisation, year, last_value) values (?1, ?2, 1)"
                        + " on conflict (organisation, year) do update"
                        + " set last_value = notice_counter.last_value + 1 returning last_value")
                .setParameter(1, organisation)
                .setParameter(2, year)
                .getSingleResult();
    return String.format(
        "%s-N-%d-%06d", organisation.toUpperCase(java.util.Locale.ROOT), year, next.longValue());
  }

  private void move(BlockNotice n, NoticeStatus target) {
    if (!n.getStatus().canMoveTo(target)) {
      throw new TransitionNotAllowedException("notice.transitionNotAllowed", n.getStatus(), target);
    }
    n.moveTo(target);
  }

  private void checkVersion(BlockNotice n, long version) {
    if (n.getVersion() != version) {
      throw new ConcurrentChangeException();
    }
  }

  private void event(BlockNotice n, Caller actor, NoticeEvent.Type type, String detail) {
    em.persist(
        new NoticeEvent(n, clock.instant(), actor.username(), actor.organisation(), type, detail));
  }

  /**
   * A hand-over between people: written now (a concurrent change surfaces here), audited, and the
   * people who must act next are told, in the same transaction.
   */
  private void handedOver(BlockNotice n, String what, String messageKey) {
    flush();
    audit.record(AuditAction.NOTICE_HANDED_OVER, "notice", n.getId(), what, null);
    responsibles.tell(n, messageKey);
  }

  private void lockForChange(BlockNotice n) {
    try {
      em.lock(n, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    } catch (OptimisticLockException | jakarta.persistence.PessimisticLockException e) {
      throw new ConcurrentChangeException();
    }
  }

  private void touch(BlockNotice n) {
    em.lock(n, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    flush();
  }

  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentChangeException();
    }
  }

  /** The basis picked (null when none), with the text required unless a basis was picked. */
  private LegalBasis legalBasis(Long legalBasisId, String text, List<Problem> problems) {
    LegalBasis picked = PickedBasis.of(em, legalBasisId, "legalBasisPick", problems);
    if (legalBasisId == null) {
      required("legalBasis", text, 1000, problems);
    } else {
      maxLength("legalBasis", text, 1000, problems);
    }
    return picked;
  }
}
