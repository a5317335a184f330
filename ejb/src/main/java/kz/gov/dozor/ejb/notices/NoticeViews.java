package kz.gov.dozor.ejb.notices;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/** Reads notifications into what the pages show. */
final class NoticeViews {

  /** The columns of a {@link NoticeRow}, on a notification {@code n}. */
  static final String ROW =
      "select new kz.gov.dozor.ejb.notices.NoticeRow(n.id, n.outgoingNumber,"
          + " n.violationCase.registrationNumber, n.status, n.round,"
          + " (select count(r) from NoticeResource r where r.notice = n),"
          + " n.draftedBy, n.submittedAt, n.sentAt, n.dueAt, n.violationCase.id,"
          + " coalesce((select u.fullName from PortalUser u where u.username = n.draftedBy),"
          + " n.draftedBy), n.receivedAt, n.decidedAt,"
          + " (select min(cr.urlNormalized) from NoticeResource r2 join r2.resource cr"
          + " where r2.notice = n))"
          + " from BlockNotice n";

  private NoticeViews() {}

  /** The notification as its agency sees it: everything, its internal review included. */
  static NoticeDetails details(EntityManager em, BlockNotice n) {
    return details(em, n, false);
  }

  /**
   * The notification as the agency ({@code ministryView} false) or the ministry sees it. The
   * ministry sees it from its sending onward: not who drafted it when, not the supervisor's
   * comments, not the internal sign-off rounds; these are left out here, before they reach a page.
   */
  static NoticeDetails details(EntityManager em, BlockNotice n, boolean ministryView) {
    Map<Long, RegistryEntry> entries = new HashMap<>();
    for (RegistryEntry e :
        em.createQuery("select e from RegistryEntry e where e.notice = :n", RegistryEntry.class)
            .setParameter("n", n)
            .getResultList()) {
      entries.put(e.getResource().getId(), e);
    }
    var eventQuery =
        em.createQuery(
                "select e from NoticeEvent e where e.notice = :n"
                    + (ministryView ? " and e.type not in :internal" : "")
                    + " order by e.occurredAt, e.id",
                NoticeEvent.class)
            .setParameter("n", n);
    if (ministryView) {
      eventQuery.setParameter(
          "internal",
          java.util.Arrays.stream(NoticeEvent.Type.values())
              .filter(NoticeEvent.Type::isInternal)
              .toList());
    }
    List<NoticeEvent> events = eventQuery.getResultList();
    Set<String> people = new HashSet<>();
    people.add(n.getDraftedBy());
    people.add(n.getReviewedBy());
    entries.values().forEach(e -> people.add(e.getLiftedBy()));
    events.forEach(e -> people.add(e.getActor()));
    Map<String, String> names = names(em, people);

    boolean restricted = n.getViolationCase().getCategory().isRestrictedEvidence();
    List<NoticeDetails.Item> items =
        n.getResources().stream()
            .map(
                r -> {
                  RegistryEntry e = entries.get(r.getResource().getId());
                  String liftedBy = e == null ? null : e.getLiftedBy();
                  return new NoticeDetails.Item(
                      r.getId(),
                      r.getResource().getUrlOriginal(),
                      r.getResource().getUrlNormalized(),
                      r.getDecision(),
                      r.getDecisionNumber(),
                      r.getDecisionDate(),
                      r.getReason(),
                      r.getAnswer(),
                      r.getDecidedBy(),
                      e == null ? null : e.getId(),
                      e == null ? null : e.getVersion(),
                      e != null && e.isActive(),
                      e == null ? null : e.getLiftReason(),
                      e == null ? null : e.getLiftedAt(),
                      liftedBy,
                      name(names, liftedBy));
                })
            .toList();
    List<NoticeDetails.Attachment> evidence =
        n.getEvidence().stream()
            .map(
                e ->
                    new NoticeDetails.Attachment(
                        e.getId(),
                        e.getFileName(),
                        e.getMediaType(),
                        e.getSizeBytes(),
                        e.getSha256(),
                        !restricted))
            .toList();
    List<NoticeDetails.Step> history =
        events.stream()
            .map(
                e ->
                    new NoticeDetails.Step(
                        e.getRound(),
                        e.getOccurredAt(),
                        e.getActor(),
                        e.getOrganisation(),
                        e.getType(),
                        e.getDetail(),
                        name(names, e.getActor())))
            .toList();
    return new NoticeDetails(
        n.getId(),
        n.getVersion(),
        n.getViolationCase().getId(),
        n.getViolationCase().getRegistrationNumber(),
        n.getOrganisation(),
        n.getStatus(),
        n.getRound(),
        n.getLegalBasis(),
        LegalBasisView.of(n.getPickedBasis()),
        n.getJustification(),
        ministryView ? null : n.getDraftedBy(),
        ministryView ? null : n.getDraftedAt(),
        n.getReviewedBy(),
        ministryView ? null : n.getReviewComment(),
        n.getOutgoingNumber(),
        n.getSentAt(),
        n.getDecidedAt(),
        n.getDueAt(),
        items,
        evidence,
        history,
        ministryView ? null : name(names, n.getDraftedBy()),
        name(names, n.getReviewedBy()),
        ministryView);
  }

  /** Rows of notifications matching {@code where} (JPQL on {@code n}, one parameter {@code :p}). */
  static List<NoticeRow> rows(EntityManager em, String where, Object param) {
    return em.createQuery(ROW + " where " + where, NoticeRow.class)
        .setParameter("p", param)
        .setMaxResults(500)
        .getResultList();
  }

  /** How people are shown to others: full name when known, else the login. */
  static Map<String, String> names(EntityManager em, Collection<String> usernames) {
    List<String> wanted = usernames.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (wanted.isEmpty()) {
      return names;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.fullName from PortalUser u where u.username in :names",
                Object[].class)
            .setParameter("names", wanted)
            .getResultList()) {
      if (row[1] != null && !((String) row[1]).isBlank()) {
        names.put((String) row[0], (String) row[1]);
      }
    }
    return names;
  }

  private static String name(Map<String, String> names, String username) {
    return username == null ? null : names.getOrDefault(username, username);
  }
}
