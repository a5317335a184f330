package kz.gov.dozor.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.bench.PageBench.Variant;

/**
 * The filters and sorts the page benchmarks open, each with the SQL its page runs (written out from
 * the services' queries: {@code TriageQueries}, {@code CaseService}).
 */
final class Pages {

  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private Pages() {}

  /** The triage queue: 50 rows a page, a count capped at 10,000. */
  static List<Variant> triage() {
    List<TriageVariant> v = new ArrayList<>();
    String yesterday = LocalDate.now(ALMATY).minusDays(1).toString();
    String dmy = dmy(LocalDate.now(ALMATY).minusDays(1));
    v.add(triage("pending, newest first", "", "", "t.last_seen_at desc"));
    v.add(
        triage(
            "category",
            "category=FINANCIAL_PYRAMID",
            " and t.category_code = 'FINANCIAL_PYRAMID'",
            "t.last_seen_at desc"));
    v.add(
        triage(
            "platform",
            "platform=TELEGRAM",
            " and t.platform = 'TELEGRAM'",
            "t.last_seen_at desc"));
    v.add(
        triage(
            "host",
            "host=bet-1234.example",
            " and t.host = 'bet-1234.example'",
            "t.last_seen_at desc"));
    v.add(triage("score ≥ 0.9", "scoreMin=0.9", " and t.score >= 0.9", "t.last_seen_at desc"));
    v.add(
        triage(
            "source",
            "source=crawler-3",
            " and exists (select 1 from detection d where d.triage_item_id = t.id"
                + " and d.source_system = 'crawler-3')",
            "t.last_seen_at desc"));
    v.add(
        triage(
            "URL text matching many",
            "url=bet-12",
            " and lower(t.url_normalized) like '%bet-12%' escape '!'",
            "t.last_seen_at desc"));
    v.add(
        triage(
            "URL text matching few",
            "url=go/2345678",
            " and lower(t.url_normalized) like '%go/2345678%' escape '!'",
            "t.last_seen_at desc"));
    v.add(
        triage(
            "last seen since yesterday",
            "lastFrom=" + dmy,
            " and t.last_seen_at >= timestamptz '" + yesterday + " 00:00+05'",
            "t.last_seen_at desc"));
    v.add(
        triage("dismissed", "status=DISMISSED", "", "t.last_seen_at desc").withStatus("DISMISSED"));
    v.add(triage("by score", "sort=SCORE", "", "t.score desc nulls last"));
    v.add(triage("by times seen", "sort=SEEN_COUNT", "", "t.seen_count desc"));
    v.add(triage("oldest first seen", "sort=FIRST_SEEN&asc=true", "", "t.first_seen_at asc"));
    return v.stream().map(TriageVariant::toVariant).toList();
  }

  private static String dmy(LocalDate d) {
    return String.format("%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  private record TriageVariant(
      String name, String query, String where, String order, String status) {
    TriageVariant withStatus(String s) {
      return new TriageVariant(name, query, where, order, s);
    }

    Variant toVariant() {
      String w = " where t.organisation = 'afm' and t.status = '" + status + "'" + where;
      String id = order.endsWith("asc") ? "t.id asc" : "t.id desc";
      return new Variant(
          name,
          "intake/triage.xhtml" + (query.isEmpty() ? "" : "?" + query),
          List.of(
              "select t.id, t.url_original, t.host, t.platform, t.category_code, t.score,"
                  + " t.first_seen_at, t.last_seen_at, t.seen_count, t.source_count, t.status,"
                  + " t.taken_by, t.taken_until, t.case_id, c.registration_number,"
                  + " t.dismissal_reason from triage_item t"
                  + " left join violation_case c on c.id = t.case_id"
                  + w
                  + " order by "
                  + order
                  + ", "
                  + id
                  + " limit 50",
              "select count(*) from (select 1 from triage_item t" + w + " limit 10001) capped"));
    }
  }

  private static TriageVariant triage(String name, String query, String where, String order) {
    return new TriageVariant(name, query, where, order, "PENDING");
  }

  /** The case list: 25 rows a page, their URLs, a count capped at 10,000. */
  static List<Variant> cases() {
    List<Variant> v = new ArrayList<>();
    v.add(cases("all, newest first", "", ""));
    v.add(cases("status", "status=BLOCKING", " and c.status = 'BLOCKING'"));
    v.add(
        cases(
            "category",
            "category=FINANCIAL_PYRAMID",
            " and c.category_code = 'FINANCIAL_PYRAMID'"));
    v.add(
        cases(
            "platform (matches all)",
            "platform=WEBSITE",
            " and exists (select 1 from case_resource rp where rp.case_id = c.id"
                + " and rp.platform = 'WEBSITE')"));
    v.add(
        cases(
            "registered in June 2025",
            "from=2025-06-01&to=2025-06-30",
            " and c.registered_at >= timestamptz '2025-06-01 00:00+05'"
                + " and c.registered_at < timestamptz '2025-07-01 00:00+05'"));
    v.add(cases("URL text matching most cases", "url=casino", url("casino")));
    v.add(cases("URL text matching few", "url=promo/123456-", url("promo/123456-")));
    v.add(
        cases(
            "number",
            "number=AFM-2025-07",
            " and (lower(c.registration_number) like '%afm-2025-07%' escape '!'"
                + " or exists (select 1 from block_notice bn where bn.case_id = c.id"
                + " and lower(bn.outgoing_number) like '%afm-2025-07%' escape '!'))"));
    return v;
  }

  private static String url(String text) {
    return " and exists (select 1 from case_resource ru where ru.case_id = c.id and"
        + " ru.url_search like '%"
        + text
        + "%' escape '!')";
  }

  private static Variant cases(String name, String query, String where) {
    String w = " where c.organisation = 'afm'" + where;
    String page =
        "select c.id from violation_case c"
            + w
            + " order by c.registered_at desc, c.id desc"
            + " limit 25";
    return new Variant(
        name,
        "cases/list.xhtml" + (query.isEmpty() ? "" : "?" + query),
        List.of(
            "select c.id, c.registration_number, c.status, c.category_code, c.detected_at,"
                + " c.registered_at, c.registered_by from violation_case c"
                + w
                + " order by c.registered_at desc, c.id desc limit 25",
            "select r.case_id, r.position, r.url_original from case_resource r"
                + " where r.case_id in ("
                + page
                + ")",
            "select c.id from violation_case c" + w + " limit 10001"));
  }
}
