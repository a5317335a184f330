package kz.gov.dozor.ejb.notices;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/** Reads notifications into what the pages show. */
final class NoticeViews {

  /**
   * The columns of a {@link NoticeRow}, on a notification {@code n}; the drafter's login stands in
   * for their name until {@link #named} names them.
   */
  static final String ROW =
      "select new kz.gov.dozor.ejb.notices.NoticeRow(n.id, n.outgoingNumber,"
          + " n.violationCase.registrationNumber, n.status, n.round,"
          + " (select count(r) from NoticeResource r where r.notice = n),"
          + " n.draftedBy, n.submittedAt, n.sentAt, n.dueAt, n.violationCase.id,"
          + " n.draftedBy, n.receivedAt, n.decidedAt,"
          + " (select min(cr.urlNormalized) from NoticeResource r2 join r2.resource cr"
          + " where r2.notice = n))"
          + " from BlockNotice n";

  private NoticeViews() {}

  /** The notification as its agency sees it: everything, its internal review included. */
  static NoticeDetails details(EntityManager em, UserDirectory users, BlockNotice n) {
    return details(em, users, n, false);
  }

  /**
   * The notification as the agency ({@code ministryView} false) or the ministry sees it. The
   * ministry sees it from its sending onward: not who drafted it when, not the supervisor's
   * comments, not the internal sign-off rounds; these are left out here, before they reach a page.
   */
  static NoticeDetails details(
      EntityManager em, UserDirectory users, BlockNotice n, boolean ministryView) {
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
    Map<String, String> names = users.displayNames(people);

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
  static List<NoticeRow> rows(EntityManager em, UserDirectory users, String where, Object param) {
    return named(
        users,
        em.createQuery(ROW + " where " + where, NoticeRow.class)
            .setParameter("p", param)
            .setMaxResults(500)
            .getResultList());
  }

  /** The rows with their drafters named as people read them. */
  static List<NoticeRow> named(UserDirectory users, List<NoticeRow> rows) {
    Map<String, String> names =
        users.displayNames(rows.stream().map(NoticeRow::draftedBy).toList());
    return rows.stream().map(r -> r.withDraftedByName(names.get(r.draftedBy()))).toList();
  }

  private static String name(Map<String, String> names, String username) {
    return username == null ? null : names.getOrDefault(username, username);
  }
}
