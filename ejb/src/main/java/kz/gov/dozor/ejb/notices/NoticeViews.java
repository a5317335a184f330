package kz.gov.dozor.ejb.notices;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticeEvent;
import kz.gov.dozor.persistence.registry.RegistryEntry;

/** Reads notifications into what the pages show. */
final class NoticeViews {

  private NoticeViews() {}

  static NoticeDetails details(EntityManager em, BlockNotice n) {
    Map<Long, RegistryEntry> entries = new HashMap<>();
    for (RegistryEntry e :
        em.createQuery("select e from RegistryEntry e where e.notice = :n", RegistryEntry.class)
            .setParameter("n", n)
            .getResultList()) {
      entries.put(e.getResource().getId(), e);
    }
    boolean restricted = n.getViolationCase().getCategory().isRestrictedEvidence();
    List<NoticeDetails.Item> items =
        n.getResources().stream()
            .map(
                r -> {
                  RegistryEntry e = entries.get(r.getResource().getId());
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
                      e == null ? null : e.getLiftedAt());
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
        em.createQuery(
                "select e from NoticeEvent e where e.notice = :n order by e.occurredAt, e.id",
                NoticeEvent.class)
            .setParameter("n", n)
            .getResultStream()
            .map(
                e ->
                    new NoticeDetails.Step(
                        e.getRound(),
                        e.getOccurredAt(),
                        e.getActor(),
                        e.getOrganisation(),
                        e.getType(),
                        e.getDetail()))
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
        n.getJustification(),
        n.getDraftedBy(),
        n.getDraftedAt(),
        n.getReviewedBy(),
        n.getReviewComment(),
        n.getOutgoingNumber(),
        n.getSentAt(),
        n.getDecidedAt(),
        n.getDueAt(),
        items,
        evidence,
        history);
  }

  /** Rows of notifications matching {@code where} (JPQL on {@code n}, one parameter {@code :p}). */
  static List<NoticeRow> rows(EntityManager em, String where, Object param) {
    return em.createQuery(
            "select new kz.gov.dozor.ejb.notices.NoticeRow(n.id, n.outgoingNumber,"
                + " n.violationCase.registrationNumber, n.status, n.round,"
                + " (select count(r) from NoticeResource r where r.notice = n),"
                + " n.draftedBy, n.submittedAt, n.sentAt, n.dueAt) from BlockNotice n where "
                + where,
            NoticeRow.class)
        .setParameter("p", param)
        .setMaxResults(500)
        .getResultList();
  }
}
