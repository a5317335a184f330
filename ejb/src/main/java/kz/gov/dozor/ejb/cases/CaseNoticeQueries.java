package kz.gov.dozor.ejb.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.gov.dozor.ejb.cases.CaseDetails.EventView;
import kz.gov.dozor.ejb.cases.CaseDetails.OutcomeStep;
import kz.gov.dozor.ejb.cases.CaseDetails.OutcomeStep.Step;
import kz.gov.dozor.ejb.cases.CaseDetails.ResourceOutcome;
import kz.gov.dozor.ejb.platform.Like;
import kz.gov.dozor.persistence.cases.CaseResource;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.notices.NoticeResource;
import kz.gov.dozor.persistence.notices.ResourceDecision;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/**
 * Reads, for the case page, what became of the case's block notifications: the ministry's answer
 * per resource and how it got there, and the notifications' hand-overs for the case's history.
 * Read-only: the notices and registry features own these rows and every change to them.
 */
@Dependent
public class CaseNoticeQueries {

  /** Between a resource's URL and the text of a notification event about it. */
  private static final String SEPARATOR = NoticeEvent.RESOURCE_SEPARATOR;

  @PersistenceContext private EntityManager em;

  /** A resource of the case as the trails need it: its id and normalised URL. */
  public record Ref(long id, String urlNormalized) {}

  /** The ministry's answer on some resources of a case, and the steps that led there. */
  public record Trail(Map<Long, ResourceOutcome> outcomes, Map<Long, List<OutcomeStep>> steps) {}

  /** One notification event with the notification it belongs to and the resource it names. */
  private record Happened(NoticeEvent event, BlockNotice notice, Ref resource, String text) {}

  /**
   * The ministry's answer on just these resources (a page of the case's), read with a few queries
   * bounded by them: their notification rows, registry entries, and the events that concern them
   * (the notifications' sending, answers and bulk returns, and returns naming one of them).
   */
  public Trail trailOf(List<Ref> resources, UnaryOperator<String> nameOf) {
    if (resources.isEmpty()) {
      return new Trail(Map.of(), Map.of());
    }
    List<Long> ids = resources.stream().map(Ref::id).toList();
    List<NoticeResource> items =
        em.createQuery(
                "select nr from NoticeResource nr join fetch nr.notice"
                    + " where nr.resource.id in :ids order by nr.notice.id, nr.id",
                NoticeResource.class)
            .setParameter("ids", ids)
            .getResultList();
    if (items.isEmpty()) {
      return new Trail(Map.of(), Map.of());
    }
    Map<String, RegistryEntry> entries = new HashMap<>();
    for (RegistryEntry e :
        em.createQuery(
                "select e from RegistryEntry e where e.resource.id in :ids"
                    + " order by e.blockedAt, e.id",
                RegistryEntry.class)
            .setParameter("ids", ids)
            .getResultList()) {
      entries.put(key(e.getNotice().getId(), e.getResource().getId()), e);
    }
    // A return of one resource names it in its text: only those naming a resource of the page.
    Set<Long> noticeIds = new HashSet<>();
    items.forEach(i -> noticeIds.add(i.getNotice().getId()));
    StringBuilder named = new StringBuilder();
    for (int i = 0; i < resources.size(); i++) {
      named.append(i == 0 ? "" : " or ").append("e.detail like :u").append(i).append(" escape '!'");
    }
    TypedQuery<Object[]> q =
        em.createQuery(
            "select e, n from NoticeEvent e join e.notice n where n.id in :notices and (e.type in"
                + " (kz.gov.dozor.persistence.notices.NoticeEvent.Type.SIGNED_OFF_AND_SENT,"
                + " kz.gov.dozor.persistence.notices.NoticeEvent.Type.ANSWERED_AND_RESENT,"
                + " kz.gov.dozor.persistence.notices.NoticeEvent.Type.RESOURCES_RETURNED)"
                + " or (e.type = kz.gov.dozor.persistence.notices.NoticeEvent.Type.RESOURCE_RETURNED"
                + " and ("
                + named
                + "))) order by e.occurredAt, e.id",
            Object[].class);
    q.setParameter("notices", noticeIds);
    for (int i = 0; i < resources.size(); i++) {
      q.setParameter("u" + i, Like.escape(resources.get(i).urlNormalized()) + SEPARATOR + "%");
    }
    List<Happened> happened = new ArrayList<>();
    for (Object[] row : q.getResultList()) {
      happened.add(about((NoticeEvent) row[0], (BlockNotice) row[1], resources));
    }

    Map<Long, ResourceOutcome> outcomes = new HashMap<>();
    Map<Long, List<OutcomeStep>> steps = new HashMap<>();
    for (NoticeResource item : items) {
      BlockNotice n = item.getNotice();
      CaseResource r = item.getResource();
      List<OutcomeStep> trail = steps.computeIfAbsent(r.getId(), k -> new ArrayList<>());
      RegistryEntry entry = entries.get(key(n.getId(), r.getId()));
      happened.stream()
          .filter(
              h ->
                  same(h.notice(), n)
                      && h.event().getType() == NoticeEvent.Type.SIGNED_OFF_AND_SENT)
          .findFirst()
          .ifPresent(h -> trail.add(step(Step.SENT, h.event(), n, null, nameOf)));
      List<Happened> ofNotice = happened.stream().filter(h -> same(h.notice(), n)).toList();
      int lastAnswer = -1;
      for (int i = 0; i < ofNotice.size(); i++) {
        Happened h = ofNotice.get(i);
        if (h.event().getType() == NoticeEvent.Type.RESOURCE_RETURNED
            && h.resource() != null
            && h.resource().id() == r.getId()) {
          trail.add(step(Step.RETURNED, h.event(), n, h.text(), nameOf));
          for (int j = i + 1; j < ofNotice.size(); j++) {
            if (ofNotice.get(j).event().getType() == NoticeEvent.Type.ANSWERED_AND_RESENT) {
              trail.add(step(Step.ANSWERED, ofNotice.get(j).event(), n, null, nameOf));
              lastAnswer = trail.size() - 1;
              break;
            }
          }
        }
      }
      boolean returnedAlone = trail.stream().anyMatch(t -> t.step() == Step.RETURNED);
      if (!returnedAlone && item.getDecision() == ResourceDecision.RETURN) {
        // Returned with many others by one decision: that event names no resource, the question
        // is kept with the resource itself.
        ofNotice.stream()
            .filter(h -> h.event().getType() == NoticeEvent.Type.RESOURCES_RETURNED)
            .reduce((a, b) -> b)
            .ifPresent(h -> trail.add(step(Step.RETURNED, h.event(), n, item.getReason(), nameOf)));
      }
      if (lastAnswer >= 0 && item.getAnswer() != null) {
        // Only the latest answer is kept with the resource.
        OutcomeStep s = trail.get(lastAnswer);
        trail.set(
            lastAnswer,
            new OutcomeStep(
                s.step(),
                s.at(),
                s.actor(),
                s.actorName(),
                s.noticeId(),
                s.noticeNumber(),
                null,
                null,
                null,
                item.getAnswer()));
      }
      if (item.getDecision() == null) {
        outcomes.put(
            r.getId(),
            n.getStatus().visibleToMinistry()
                ? ResourceOutcome.AWAITING_DECISION
                : ResourceOutcome.IN_REVIEW);
        continue;
      }
      switch (item.getDecision()) {
        case BLOCK -> {
          if (entry != null) {
            trail.add(
                new OutcomeStep(
                    Step.BLOCKED,
                    entry.getBlockedAt(),
                    entry.getBlockedBy(),
                    nameOf.apply(entry.getBlockedBy()),
                    n.getId(),
                    n.getOutgoingNumber(),
                    entry.getDecisionNumber(),
                    entry.getDecisionDate(),
                    entry.getIssuingBody(),
                    null));
            if (!entry.isActive()) {
              trail.add(
                  new OutcomeStep(
                      Step.LIFTED,
                      entry.getLiftedAt(),
                      entry.getLiftedBy(),
                      entry.getLiftedBy() == null ? null : nameOf.apply(entry.getLiftedBy()),
                      n.getId(),
                      n.getOutgoingNumber(),
                      entry.getDecisionNumber(),
                      entry.getDecisionDate(),
                      entry.getIssuingBody(),
                      entry.getLiftReason()));
            }
          }
          outcomes.put(
              r.getId(),
              entry == null || entry.isActive() ? ResourceOutcome.BLOCKED : ResourceOutcome.LIFTED);
        }
        case REFUSE -> {
          trail.add(
              new OutcomeStep(
                  Step.REFUSED,
                  item.getDecidedAt(),
                  item.getDecidedBy(),
                  item.getDecidedBy() == null ? null : nameOf.apply(item.getDecidedBy()),
                  n.getId(),
                  n.getOutgoingNumber(),
                  null,
                  null,
                  null,
                  item.getReason()));
          outcomes.put(r.getId(), ResourceOutcome.REFUSED);
        }
        case RETURN -> outcomes.put(r.getId(), ResourceOutcome.RETURNED);
      }
    }
    steps.values().forEach(l -> l.sort(Comparator.comparing(OutcomeStep::at, nullsLast())));
    return new Trail(outcomes, steps);
  }

  /**
   * The hand-overs of the case's notifications for its history, each with the resource it names.
   * The resources named are looked up by the URLs the events name, never by loading the case's.
   */
  public List<EventView> events(ViolationCase vc, UnaryOperator<String> nameOf) {
    List<Object[]> rows =
        em.createQuery(
                "select e, n from NoticeEvent e join e.notice n where n.violationCase = :c"
                    + " order by e.occurredAt, e.id",
                Object[].class)
            .setParameter("c", vc)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    // Every prefix of an event's text before a separator may be the URL of a resource it names.
    Set<String> candidates = new HashSet<>();
    for (Object[] row : rows) {
      String detail = ((NoticeEvent) row[0]).getDetail();
      for (int at = detail == null ? -1 : detail.indexOf(SEPARATOR);
          at >= 0;
          at = detail.indexOf(SEPARATOR, at + 1)) {
        candidates.add(detail.substring(0, at));
      }
    }
    List<Ref> named = new ArrayList<>();
    Map<Long, String> originals = new HashMap<>();
    List<String> all = new ArrayList<>(candidates);
    for (int i = 0; i < all.size(); i += 1000) {
      for (Object[] r :
          em.createQuery(
                  "select r.id, r.urlNormalized, r.urlOriginal from CaseResource r"
                      + " where r.violationCase = :c and r.urlNormalized in :urls",
                  Object[].class)
              .setParameter("c", vc)
              .setParameter("urls", all.subList(i, Math.min(all.size(), i + 1000)))
              .getResultList()) {
        named.add(new Ref((Long) r[0], (String) r[1]));
        originals.put((Long) r[0], (String) r[2]);
      }
    }
    List<Happened> happened = new ArrayList<>();
    for (Object[] row : rows) {
      happened.add(about((NoticeEvent) row[0], (BlockNotice) row[1], named));
    }
    // The decisions of blocks named one by one.
    Set<Long> blockedOne = new HashSet<>();
    for (Happened h : happened) {
      if (h.event().getType() == NoticeEvent.Type.RESOURCE_BLOCKED && h.resource() != null) {
        blockedOne.add(h.resource().id());
      }
    }
    Map<String, RegistryEntry> entries = new HashMap<>();
    List<Long> blockedIds = new ArrayList<>(blockedOne);
    for (int i = 0; i < blockedIds.size(); i += 1000) {
      for (RegistryEntry e :
          em.createQuery(
                  "select e from RegistryEntry e where e.resource.id in :ids"
                      + " order by e.blockedAt, e.id",
                  RegistryEntry.class)
              .setParameter("ids", blockedIds.subList(i, Math.min(blockedIds.size(), i + 1000)))
              .getResultList()) {
        entries.put(key(e.getNotice().getId(), e.getResource().getId()), e);
      }
    }

    List<EventView> events = new ArrayList<>();
    for (Happened h : happened) {
      NoticeEvent e = h.event();
      BlockNotice n = h.notice();
      RegistryEntry entry =
          h.resource() == null ? null : entries.get(key(n.getId(), h.resource().id()));
      boolean blocked = e.getType() == NoticeEvent.Type.RESOURCE_BLOCKED && entry != null;
      String detail =
          switch (e.getType()) {
            case SIGNED_OFF_AND_SENT, DECIDED, INFO_REQUESTED, ANSWERED_AND_RESENT, SUBMITTED ->
                null;
            case RESOURCE_BLOCKED -> blocked ? null : h.text();
            default -> h.text();
          };
      events.add(
          new EventView(
              e.getOccurredAt(),
              e.getActor(),
              nameOf.apply(e.getActor()),
              null,
              e.getType(),
              null,
              null,
              detail,
              n.getId(),
              n.getOutgoingNumber(),
              h.resource() == null ? null : originals.get(h.resource().id()),
              null,
              null,
              blocked ? entry.getDecisionDate() : null,
              null,
              null,
              blocked ? entry.getDecisionNumber() : null,
              blocked ? entry.getIssuingBody() : null,
              null));
    }
    return events;
  }

  /**
   * Which resource an event names and what it says about it: the notices feature writes the
   * resource's normalised URL, a separator, and the decision number, reason, question or lifting
   * reason. An event it cannot read that way keeps its text whole.
   */
  private static Happened about(NoticeEvent e, BlockNotice n, List<Ref> resources) {
    String detail = e.getDetail();
    if (detail == null) {
      return new Happened(e, n, null, null);
    }
    Ref best = null;
    for (Ref r : resources) {
      String prefix = r.urlNormalized() + SEPARATOR;
      if (detail.startsWith(prefix)
          && (best == null || r.urlNormalized().length() > best.urlNormalized().length())) {
        best = r;
      }
    }
    if (best == null) {
      return new Happened(e, n, null, detail);
    }
    return new Happened(
        e, n, best, detail.substring(best.urlNormalized().length() + SEPARATOR.length()));
  }

  private static OutcomeStep step(
      Step step, NoticeEvent e, BlockNotice n, String text, UnaryOperator<String> nameOf) {
    return new OutcomeStep(
        step,
        e.getOccurredAt(),
        e.getActor(),
        nameOf.apply(e.getActor()),
        n.getId(),
        n.getOutgoingNumber(),
        null,
        null,
        null,
        text);
  }

  private static String key(long noticeId, long resourceId) {
    return noticeId + "/" + resourceId;
  }

  private static Comparator<Instant> nullsLast() {
    return Comparator.nullsLast(Comparator.naturalOrder());
  }

  private static boolean same(BlockNotice a, BlockNotice b) {
    return a.getId().equals(b.getId());
  }
}
