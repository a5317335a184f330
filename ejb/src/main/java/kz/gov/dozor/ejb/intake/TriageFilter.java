package kz.gov.dozor.ejb.intake;

import jakarta.persistence.Query;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Like;

/**
 * A {@link TriageQuery} as SQL over {@code triage_item t}, always within one organisation; the same
 * conditions serve the page, its count and "all that match" in the actions.
 */
final class TriageFilter {

  private TriageFilter() {}

  static String where(TriageQuery q, String organisation, Map<String, Object> params) {
    StringBuilder w = new StringBuilder(" where t.organisation = :org");
    params.put("org", organisation);
    if (q == null) {
      return w.toString();
    }
    if (q.status() != null) {
      w.append(" and t.status = :status");
      params.put("status", q.status().name());
    }
    if (blank(q.category()) != null) {
      w.append(" and t.category_code = :category");
      params.put("category", q.category().strip());
    }
    if (q.platform() != null) {
      w.append(" and t.platform = :platform");
      params.put("platform", q.platform().name());
    }
    if (blank(q.host()) != null) {
      w.append(" and t.host = :host");
      params.put("host", q.host().strip().toLowerCase(Locale.ROOT));
    }
    if (q.scoreMin() != null) {
      w.append(" and t.score >= :scoreMin");
      params.put("scoreMin", q.scoreMin());
    }
    if (q.scoreMax() != null) {
      w.append(" and t.score <= :scoreMax");
      params.put("scoreMax", q.scoreMax());
    }
    if (q.firstSeenFrom() != null) {
      w.append(" and t.first_seen_at >= :firstFrom");
      params.put("firstFrom", q.firstSeenFrom().atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (q.firstSeenTo() != null) {
      w.append(" and t.first_seen_at < :firstTo");
      params.put("firstTo", q.firstSeenTo().plusDays(1).atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (q.lastSeenFrom() != null) {
      w.append(" and t.last_seen_at >= :lastFrom");
      params.put("lastFrom", q.lastSeenFrom().atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (q.lastSeenTo() != null) {
      w.append(" and t.last_seen_at < :lastTo");
      params.put("lastTo", q.lastSeenTo().plusDays(1).atStartOfDay(Almaty.ZONE).toInstant());
    }
    if (blank(q.source()) != null) {
      // Through the index on detection (triage_item_id, source_system).
      w.append(
          " and exists (select 1 from detection d where d.triage_item_id = t.id"
              + " and d.source_system = :source)");
      params.put("source", q.source().strip());
    }
    if (blank(q.urlText()) != null) {
      // The trigram index on lower(url_normalized) serves it.
      w.append(" and lower(t.url_normalized) like :url escape '!'");
      params.put("url", Like.contains(q.urlText()));
    }
    return w.toString();
  }

  static void bind(Query query, Map<String, Object> params) {
    params.forEach(query::setParameter);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
