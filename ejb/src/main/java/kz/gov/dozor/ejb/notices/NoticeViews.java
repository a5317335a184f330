package kz.gov.dozor.ejb.notices;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.reference.LegalBasisView;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;

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

  /** How many of a notification's resources its page gets with it; it pages through the rest. */
  static final int FIRST_PAGE = 50;

  /**
   * The notification as the agency ({@code ministryView} false) or the ministry sees it, with the
   * first page of its resources and their counts. The ministry sees it from its sending onward: not
   * who drafted it when, not the supervisor's comments, not the internal sign-off rounds; these are
   * left out here, before they reach a page.
   */
  static NoticeDetails details(
      EntityManager em,
      UserDirectory users,
      NoticeItemQueries itemQueries,
      BlockNotice n,
      boolean ministryView) {
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
    events.forEach(e -> people.add(e.getActor()));
    Map<String, String> names = users.displayNames(people);

    boolean restricted = n.getViolationCase().getCategory().isRestrictedEvidence();
    List<NoticeDetails.Item> items =
        itemQueries.page(n.getId(), NoticeItemFilter.ALL, 0, FIRST_PAGE);
    long resourceCount = itemQueries.count(n.getId(), NoticeItemFilter.ALL);
    long pendingCount = itemQueries.pending(n.getId());
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
        ministryView,
        resourceCount,
        pendingCount,
        n.getLetterLanguage(),
        restricted,
        // Counted, not loaded: the letter may be megabytes.
        em.createQuery("select count(p) from NoticePackage p where p.noticeId = :id", Long.class)
                .setParameter("id", n.getId())
                .getSingleResult()
            > 0);
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
