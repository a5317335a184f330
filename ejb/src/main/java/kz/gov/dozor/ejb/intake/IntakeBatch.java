package kz.gov.dozor.ejb.intake;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kz.gov.dozor.ejb.intake.DetectionChecks.Checked;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Kind;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Target;

/**
 * One batch on its way into the database, on the caller's connection: checked in memory, then about
 * ten statements whatever its size. Order of the steps: reports whose (source, reference) is known
 * are merged into what they were attached to; suppression rules drop or dismiss; the rest is
 * attached by normalised URL to a pending triage item, an open case's resource or an active block,
 * or becomes a new pending triage item.
 */
final class IntakeBatch {

  /** Where reports of one URL go: the row they are attached to and what the answer names. */
  record Attachment(Target kind, long rowId, long targetId, String label) {}

  private final Connection c;
  private final Delivery delivery;
  private final Instant now;
  private final SuppressionRules rules;
  private DetectionOutcome[] out;

  IntakeBatch(Connection c, Delivery delivery, Instant now, SuppressionRules rules) {
    this.c = c;
    this.delivery = delivery;
    this.now = now;
    this.rules = rules;
  }

  List<DetectionOutcome> receive(List<? extends IncomingDetection> items) throws SQLException {
    int n = items.size();
    out = new DetectionOutcome[n];
    Map<String, Boolean> categories = DetectionIntakeService.categories(c);
    List<Checked> valid = new ArrayList<>(n);
    Map<String, Integer> firstOfSource = new HashMap<>();
    int[] repeats = new int[n];
    Arrays.fill(repeats, -1);
    for (int i = 0; i < n; i++) {
      DetectionChecks.Result r = DetectionChecks.check(i, items.get(i), categories, now);
      if (r.rejection() != null) {
        out[i] = r.rejection();
        continue;
      }
      Integer first = firstOfSource.putIfAbsent(r.checked().sourceKey(), i);
      if (first != null) {
        // The same report twice in one batch: stored once, the repeat is merged into it.
        repeats[i] = first;
        continue;
      }
      valid.add(r.checked());
    }
    List<Checked> fresh = mergeKnown(valid);
    List<Checked> kept = rules.apply(this, fresh);
    attachByUrl(kept);
    for (int i = 0; i < n; i++) {
      if (repeats[i] >= 0) {
        out[i] = repeatOf(out[repeats[i]]);
      }
    }
    return List.of(out);
  }

  private static DetectionOutcome repeatOf(DetectionOutcome first) {
    if (first.kind() == Kind.SUPPRESSED || first.kind() == Kind.REJECTED) {
      return first;
    }
    return new DetectionOutcome(
        Kind.MERGED,
        first.detectionId(),
        first.target(),
        first.targetId(),
        first.targetLabel(),
        null,
        null);
  }

  void answer(int index, DetectionOutcome outcome) {
    out[index] = outcome;
  }

  Connection connection() {
    return c;
  }

  Delivery delivery() {
    return delivery;
  }

  Instant now() {
    return now;
  }

  // --- reports already known by (source, reference) -------------------------------------------

  /** Answers the reports already received once; returns the others. */
  private List<Checked> mergeKnown(List<Checked> items) throws SQLException {
    if (items.isEmpty()) {
      return items;
    }
    Map<Integer, long[]> known = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select k.i, d.id, d.organisation, d.triage_item_id, d.case_resource_id,"
                + " d.registry_entry_id"
                + " from unnest(?::text[], ?::text[], ?::int4[]) as k(s, r, i)"
                + " join lateral (select d.id, d.organisation, d.triage_item_id,"
                + " d.case_resource_id, d.registry_entry_id from detection d"
                + " where d.source_system = k.s and d.source_ref = k.r limit 1) d on true")) {
      q.setArray(1, texts(items, Checked::source));
      q.setArray(2, texts(items, Checked::sourceRef));
      q.setArray(3, c.createArrayOf("int4", items.stream().map(Checked::index).toArray()));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          // Another organisation's report of the same source and reference names nothing of it.
          boolean ours = delivery.organisation().equals(r.getString(3));
          known.put(
              r.getInt(1),
              new long[] {
                r.getLong(2),
                ours ? r.getLong(4) : 0,
                ours ? r.getLong(5) : 0,
                ours ? r.getLong(6) : 0
              });
        }
      }
    }
    if (known.isEmpty()) {
      return items;
    }
    Labels labels = labels(known.values());
    List<Checked> fresh = new ArrayList<>(items.size());
    for (Checked item : items) {
      long[] k = known.get(item.index());
      if (k == null) {
        fresh.add(item);
      } else {
        Attachment a = labels.of(k[1], k[2], k[3]);
        out[item.index()] =
            a == null
                ? new DetectionOutcome(Kind.MERGED, k[0], null, null, null, null, null)
                : new DetectionOutcome(
                    Kind.MERGED, k[0], a.kind(), a.targetId(), a.label(), null, null);
      }
    }
    return fresh;
  }

  // --- de-duplication by normalised URL --------------------------------------------------------

  private void attachByUrl(List<Checked> items) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    Map<String, List<Checked>> byUrl = new LinkedHashMap<>();
    for (Checked item : items) {
      byUrl.computeIfAbsent(item.urlNormalized(), u -> new ArrayList<>()).add(item);
    }
    Map<String, Attachment> where = new HashMap<>(pendingItems(byUrl.keySet()));
    Set<String> open = missing(byUrl.keySet(), where);
    if (!open.isEmpty()) {
      where.putAll(openCaseResources(open));
      open = missing(byUrl.keySet(), where);
    }
    if (!open.isEmpty()) {
      where.putAll(activeBlocks(open));
      open = missing(byUrl.keySet(), where);
    }
    Map<String, Attachment> created = Map.of();
    if (!open.isEmpty()) {
      created = newTriageItems(open, byUrl);
      where.putAll(created);
      Set<String> raced = missing(open, created);
      if (!raced.isEmpty()) {
        // Another batch made the pending item meanwhile: its insert has committed, so it is seen.
        where.putAll(pendingItems(raced));
      }
    }

    List<Stored> rows = new ArrayList<>(items.size());
    for (Map.Entry<String, List<Checked>> e : byUrl.entrySet()) {
      Attachment a = where.get(e.getKey());
      boolean isNew = created.containsKey(e.getKey());
      boolean first = true;
      for (Checked item : e.getValue()) {
        rows.add(new Stored(item, a, isNew && first ? Kind.ACCEPTED : Kind.MERGED, null));
        first = false;
      }
    }
    Set<Long> counted = new HashSet<>();
    created.values().forEach(a -> counted.add(a.rowId()));
    store(rows, counted);
  }

  /** A report to be stored, where it goes, and the answer it gets once stored. */
  record Stored(Checked item, Attachment at, Kind kind, Long ruleId) {}

  /**
   * Inserts the reports, answers each, and counts them on their triage items (except on the items
   * in {@code counted}, made by this batch with their counters). A report a concurrent batch stored
   * meanwhile (same source and reference) is merged into that one.
   */
  void store(List<Stored> rows, Set<Long> counted) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    long base;
    try (PreparedStatement q = c.prepareStatement("select nextval('detection_seq')");
        ResultSet r = q.executeQuery()) {
      r.next();
      // detection_seq steps by 1000 = MAX_BATCH: one call reserves an id for every report.
      base = r.getLong(1);
    }
    int n = rows.size();
    Long[] ids = new Long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = base + i;
    }
    Set<Long> inserted = new HashSet<>(n * 2);
    try (PreparedStatement q =
        c.prepareStatement(
            "insert into detection (id, organisation, source_system, source_ref, received_from,"
                + " received_at, detected_at, url_original, url_normalized, host, platform,"
                + " category_code, score, note, screenshot_sha256, screenshot_type,"
                + " screenshot_bytes, screenshot_name, screenshot_width, screenshot_height,"
                + " triage_item_id, case_resource_id, registry_entry_id, suppression_rule_id,"
                + " import_id, import_row)"
                + " select u.id, ?, u.s, u.r, ?, ?, u.at, u.uo, u.un, u.h, u.p, u.cat, u.score,"
                + " u.note, u.sha, u.st, u.sb, u.sn, u.sw, u.sh, u.ti, u.cr, u.re, u.ru, ?, u.ir"
                + " from unnest(?::int8[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::text[],"
                + " ?::text[], ?::text[], ?::int8[], ?::text[], ?::int4[], ?::int4[], ?::int8[],"
                + " ?::int8[], ?::int8[], ?::int8[], ?::int8[])"
                + " as u(id, s, r, at, uo, un, h, p, cat, score, note, sha, st, sb, sn, sw, sh,"
                + " ti, cr, re, ru, ir)"
                + " order by u.s, u.r"
                + " on conflict (source_system, source_ref) do nothing returning id")) {
      int p = 1;
      q.setString(p++, delivery.organisation());
      q.setString(p++, delivery.receivedFrom());
      q.setObject(p++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      if (delivery.importId() == null) {
        q.setNull(p++, java.sql.Types.BIGINT);
      } else {
        q.setLong(p++, delivery.importId());
      }
      q.setArray(p++, c.createArrayOf("int8", ids));
      q.setArray(p++, texts(rows, s -> s.item().source()));
      q.setArray(p++, texts(rows, s -> s.item().sourceRef()));
      q.setArray(p++, texts(rows, s -> s.item().detectedAt().toString()));
      q.setArray(p++, texts(rows, s -> s.item().urlOriginal()));
      q.setArray(p++, texts(rows, s -> s.item().urlNormalized()));
      q.setArray(p++, texts(rows, s -> s.item().host()));
      q.setArray(p++, texts(rows, s -> s.item().platform().name()));
      q.setArray(p++, texts(rows, s -> s.item().category()));
      q.setArray(
          p++,
          texts(rows, s -> s.item().score() == null ? null : s.item().score().toPlainString()));
      q.setArray(p++, texts(rows, s -> s.item().note()));
      q.setArray(p++, texts(rows, s -> shot(s) == null ? null : shot(s).sha256()));
      q.setArray(p++, texts(rows, s -> shot(s) == null ? null : shot(s).mediaType()));
      q.setArray(p++, longs(rows, s -> shot(s) == null ? null : Long.valueOf(shot(s).sizeBytes())));
      q.setArray(p++, texts(rows, s -> shot(s) == null ? null : shot(s).fileName()));
      q.setArray(p++, ints(rows, s -> shot(s) == null ? null : shot(s).width()));
      q.setArray(p++, ints(rows, s -> shot(s) == null ? null : shot(s).height()));
      q.setArray(p++, longs(rows, s -> rowOf(s, Target.TRIAGE_ITEM)));
      q.setArray(p++, longs(rows, s -> rowOf(s, Target.CASE)));
      q.setArray(p++, longs(rows, s -> rowOf(s, Target.REGISTRY_ENTRY)));
      q.setArray(p++, longs(rows, Stored::ruleId));
      q.setArray(p++, longs(rows, s -> s.item().importRow()));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          inserted.add(r.getLong(1));
        }
      }
    }
    List<Checked> lost = new ArrayList<>();
    List<Integer> toCount = new ArrayList<>(n);
    List<Long> shotsOnNew = new ArrayList<>();
    Set<Long> recount = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Stored s = rows.get(i);
      Long item = rowOf(s, Target.TRIAGE_ITEM);
      boolean onNew = item != null && counted.contains(item);
      if (!inserted.contains(ids[i])) {
        lost.add(s.item());
        if (onNew) {
          recount.add(s.at().rowId());
        }
        continue;
      }
      if (!onNew) {
        if (item != null) {
          toCount.add(i);
        }
      } else if (s.item().screenshot() != null) {
        shotsOnNew.add(ids[i]);
      }
      Attachment a = s.at();
      out[s.item().index()] =
          new DetectionOutcome(
              s.kind(),
              ids[i],
              a == null ? null : a.kind(),
              a == null ? null : a.targetId(),
              a == null ? null : a.label(),
              s.kind() == Kind.SUPPRESSED ? "suppressed" : null,
              s.kind() == Kind.SUPPRESSED ? rules.reasonOf(s.ruleId()) : null);
    }
    countOnTriageItems(rows, toCount, base);
    if (!shotsOnNew.isEmpty()) {
      try (PreparedStatement q =
          c.prepareStatement(
              "update triage_item t set screenshot_detection_id = x.shot from (select"
                  + " d.triage_item_id as item, min(d.id) as shot from detection d"
                  + " where d.id = any(?::int8[]) group by d.triage_item_id) x"
                  + " where t.id = x.item")) {
        q.setArray(1, c.createArrayOf("int8", shotsOnNew.toArray()));
        q.executeUpdate();
      }
    }
    if (!lost.isEmpty()) {
      mergeKnown(lost);
      if (!recount.isEmpty()) {
        recountNewItems(recount);
      }
    }
  }

  /**
   * New items of this batch some of whose reports a concurrent batch had stored already: counted
   * again from what was stored, and removed when nothing was.
   */
  private void recountNewItems(Set<Long> items) throws SQLException {
    Array ids = c.createArrayOf("int8", items.toArray());
    try (PreparedStatement q =
        c.prepareStatement(
            "update triage_item t set seen_count = x.n, source_count = x.sources,"
                + " first_seen_at = x.first_at, last_seen_at = x.last_at, score = x.top"
                + " from (select d.triage_item_id as item, count(*) as n,"
                + " count(distinct d.source_system) as sources, min(d.detected_at) as first_at,"
                + " max(d.detected_at) as last_at, max(d.score) as top from detection d"
                + " where d.triage_item_id = any(?::int8[]) group by d.triage_item_id) x"
                + " where t.id = x.item")) {
      q.setArray(1, ids);
      q.executeUpdate();
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "delete from triage_item t where t.id = any(?::int8[])"
                + " and not exists (select 1 from detection d where d.triage_item_id = t.id)")) {
      q.setArray(1, ids);
      q.executeUpdate();
    }
  }

  private static IncomingDetection.Screenshot shot(Stored s) {
    return s.item().screenshot();
  }

  private static Long rowOf(Stored s, Target kind) {
    return s.at() != null && s.at().kind() == kind ? s.at().rowId() : null;
  }

  /**
   * The counters of the triage items the stored reports joined, aggregated here from what the batch
   * holds: the database is only asked which of the sources are new to their item.
   *
   * @param stored indexes into {@code rows} of the reports to count
   * @param base the id of {@code rows.get(0)}; the batch's ids are {@code base + i}
   */
  private void countOnTriageItems(List<Stored> rows, List<Integer> stored, long base)
      throws SQLException {
    if (stored.isEmpty()) {
      return;
    }
    // Sorted by item id: rows are locked in that order, so two batches never deadlock.
    Map<Long, Tally> tallies = new java.util.TreeMap<>();
    for (int i : stored) {
      Stored s = rows.get(i);
      tallies.computeIfAbsent(s.at().rowId(), k -> new Tally()).add(s.item(), base + i);
    }
    Long[] items = tallies.keySet().toArray(new Long[0]);
    try (PreparedStatement q =
        c.prepareStatement(
            "select t.id from triage_item t where t.id = any(?::int8[]) order by t.id for update")) {
      q.setArray(1, c.createArrayOf("int8", items));
      q.executeQuery().close();
    }
    // After the lock, in a new snapshot: a concurrent batch's reports on these items are seen.
    List<Long> pairItems = new ArrayList<>();
    List<String> pairSources = new ArrayList<>();
    tallies.forEach(
        (item, t) ->
            t.sources.forEach(
                src -> {
                  pairItems.add(item);
                  pairSources.add(src);
                }));
    Set<String> known = new HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select u.item, u.src from unnest(?::int8[], ?::text[]) as u(item, src)"
                + " where exists (select 1 from detection o where o.triage_item_id = u.item"
                + " and o.source_system = u.src and (o.id < ? or o.id >= ?))")) {
      q.setArray(1, c.createArrayOf("int8", pairItems.toArray()));
      q.setArray(2, c.createArrayOf("text", pairSources.toArray()));
      q.setLong(3, base);
      q.setLong(4, base + rows.size());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          known.add(r.getLong(1) + "\u0000" + r.getString(2));
        }
      }
    }
    List<Tally> ts = new ArrayList<>(tallies.values());
    int[] fresh = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      for (String src : ts.get(k).sources) {
        if (!known.contains(items[k] + "\u0000" + src)) {
          fresh[k]++;
        }
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "update triage_item t set version = t.version + 1,"
                + " seen_count = t.seen_count + u.n,"
                + " source_count = t.source_count + u.fresh,"
                + " first_seen_at = least(t.first_seen_at, u.fa),"
                + " last_seen_at = greatest(t.last_seen_at, u.la),"
                + " score = greatest(t.score, u.top),"
                + " category_code = coalesce(u.cat, t.category_code),"
                + " screenshot_detection_id = coalesce(t.screenshot_detection_id, u.shot)"
                + " from unnest(?::int8[], ?::int4[], ?::int4[], ?::timestamptz[],"
                + " ?::timestamptz[], ?::numeric[], ?::text[], ?::int8[])"
                + " as u(id, n, fresh, fa, la, top, cat, shot) where t.id = u.id")) {
      Object[] n = new Object[items.length];
      Object[] fr = new Object[items.length];
      for (int k = 0; k < items.length; k++) {
        n[k] = ts.get(k).seen;
        fr[k] = fresh[k];
      }
      q.setArray(1, c.createArrayOf("int8", items));
      q.setArray(2, c.createArrayOf("int4", n));
      q.setArray(3, c.createArrayOf("int4", fr));
      q.setArray(4, texts(ts, t -> t.first.toString()));
      q.setArray(5, texts(ts, t -> t.last.toString()));
      q.setArray(6, texts(ts, t -> t.top == null ? null : t.top.toPlainString()));
      q.setArray(7, texts(ts, t -> t.category));
      q.setArray(8, longs(ts, t -> t.shot));
      q.executeUpdate();
    }
  }

  /** What one batch adds to one existing triage item. */
  private static final class Tally {
    int seen;
    Instant first;
    Instant last;
    BigDecimal top;
    String category;
    Instant categoryAt;
    Long shot;
    final Set<String> sources = new java.util.LinkedHashSet<>();

    void add(Checked r, long id) {
      seen++;
      Instant at = r.detectedAt();
      first = first == null || at.isBefore(first) ? at : first;
      last = last == null || at.isAfter(last) ? at : last;
      if (r.score() != null && (top == null || r.score().compareTo(top) > 0)) {
        top = r.score();
      }
      // The latest guess; on a tie the later report (reports come in id order).
      if (r.category() != null && (categoryAt == null || !at.isBefore(categoryAt))) {
        category = r.category();
        categoryAt = at;
      }
      if (r.screenshot() != null && shot == null) {
        shot = id;
      }
      sources.add(r.source());
    }
  }

  // The lookups probe the index once per URL (a lateral subquery with a limit is never turned
  // into a join), whatever the planner believes of the table's size: a generic plan over stale
  // statistics otherwise scans the organisation's whole queue.

  private Map<String, Attachment> pendingItems(Collection<String> urls) throws SQLException {
    Map<String, Attachment> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select u.un, t.id, t.url_original from unnest(?::text[]) as u(un)"
                + " join lateral (select t.id, t.url_original from triage_item t"
                + " where t.organisation = ? and t.status = 'PENDING' and t.url_normalized = u.un"
                + " limit 1) t on true")) {
      q.setArray(1, c.createArrayOf("text", urls.toArray()));
      q.setString(2, delivery.organisation());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.put(
              r.getString(1),
              new Attachment(Target.TRIAGE_ITEM, r.getLong(2), r.getLong(2), r.getString(3)));
        }
      }
    }
    return found;
  }

  /** Resources of the organisation's cases that are not closed; the newest case first. */
  private Map<String, Attachment> openCaseResources(Collection<String> urls) throws SQLException {
    Map<String, Attachment> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select u.un, x.resource, x.vc, x.number from unnest(?::text[]) as u(un)"
                + " join lateral (select cr.id as resource, vc.id as vc,"
                + " vc.registration_number as number from case_resource cr"
                + " join violation_case vc on vc.id = cr.case_id"
                + " where cr.url_normalized = u.un and vc.organisation = ?"
                + " and vc.status <> 'CLOSED' order by vc.registered_at desc, cr.id limit 1) x"
                + " on true")) {
      q.setArray(1, c.createArrayOf("text", urls.toArray()));
      q.setString(2, delivery.organisation());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.put(
              r.getString(1),
              new Attachment(Target.CASE, r.getLong(2), r.getLong(3), r.getString(4)));
        }
      }
    }
    return found;
  }

  /** Active blocks of the registry (national: whoever asked for them). */
  private Map<String, Attachment> activeBlocks(Collection<String> urls) throws SQLException {
    Map<String, Attachment> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select u.un, e.id, e.decision_number from unnest(?::text[]) as u(un)"
                + " join lateral (select e.id, e.decision_number from registry_entry e"
                + " where e.url_normalized = u.un and e.active"
                + " order by e.blocked_at desc, e.id desc limit 1) e on true")) {
      q.setArray(1, c.createArrayOf("text", urls.toArray()));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.put(
              r.getString(1),
              new Attachment(Target.REGISTRY_ENTRY, r.getLong(2), r.getLong(2), r.getString(3)));
        }
      }
    }
    return found;
  }

  /**
   * Pending triage items for URLs nobody holds, from each URL's first report (the counters follow
   * from the stored reports). A URL another batch just made pending is left out (the partial unique
   * index decides), and the caller attaches to that one.
   */
  private Map<String, Attachment> newTriageItems(Set<String> urls, Map<String, List<Checked>> byUrl)
      throws SQLException {
    List<Checked> firsts = new ArrayList<>(urls.size());
    List<Counters> counters = new ArrayList<>(urls.size());
    // Sorted, so that concurrent batches wait for each other's URLs in one order.
    for (String url : new TreeSet<>(urls)) {
      firsts.add(byUrl.get(url).get(0));
      counters.add(Counters.of(byUrl.get(url)));
    }
    Map<String, Attachment> made = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "insert into triage_item (id, version, organisation, status, url_original,"
                + " url_normalized, host, platform, first_seen_at, last_seen_at, seen_count,"
                + " source_count, score, category_code)"
                + " select nextval('triage_item_seq'), 0, ?, 'PENDING', u.uo, u.un, u.h, u.p,"
                + " u.fa, u.la, u.n, u.sc, u.top, u.cat"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],"
                + " ?::timestamptz[], ?::int4[], ?::int4[], ?::numeric[], ?::text[])"
                + " with ordinality as u(uo, un, h, p, fa, la, n, sc, top, cat, o) order by u.o"
                + " on conflict (organisation, url_normalized) where status = 'PENDING'"
                + " do nothing returning id, url_normalized, url_original")) {
      q.setString(1, delivery.organisation());
      q.setArray(2, texts(firsts, Checked::urlOriginal));
      q.setArray(3, texts(firsts, Checked::urlNormalized));
      q.setArray(4, texts(firsts, Checked::host));
      q.setArray(5, texts(firsts, x -> x.platform().name()));
      q.setArray(6, texts(counters, x -> x.first().toString()));
      q.setArray(7, texts(counters, x -> x.last().toString()));
      q.setArray(8, ints(counters, Counters::seen));
      q.setArray(9, ints(counters, Counters::sources));
      q.setArray(10, texts(counters, x -> x.top() == null ? null : x.top().toPlainString()));
      q.setArray(11, texts(counters, Counters::category));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          made.put(
              r.getString(2),
              new Attachment(Target.TRIAGE_ITEM, r.getLong(1), r.getLong(1), r.getString(3)));
        }
      }
    }
    return made;
  }

  /** A new item's counters, from the reports of its URL in this batch. */
  record Counters(
      Instant first, Instant last, Integer seen, Integer sources, BigDecimal top, String category) {

    static Counters of(List<Checked> reports) {
      Instant first = null;
      Instant last = null;
      BigDecimal top = null;
      String category = null;
      Instant categoryAt = null;
      Set<String> sources = new HashSet<>();
      for (Checked r : reports) {
        Instant at = r.detectedAt();
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        if (r.score() != null && (top == null || r.score().compareTo(top) > 0)) {
          top = r.score();
        }
        // The latest guess, as the update of existing items takes it (the later report on a tie).
        if (r.category() != null && (categoryAt == null || !at.isBefore(categoryAt))) {
          category = r.category();
          categoryAt = at;
        }
        sources.add(r.source());
      }
      return new Counters(first, last, reports.size(), sources.size(), top, category);
    }
  }

  private static Set<String> missing(Collection<String> urls, Map<String, Attachment> found) {
    Set<String> out = new HashSet<>();
    for (String u : urls) {
      if (!found.containsKey(u)) {
        out.add(u);
      }
    }
    return out;
  }

  // --- what the answer names -------------------------------------------------------------------

  /** Attachments (triage item, case resource, registry entry ids) with the labels people use. */
  final class Labels {
    final Map<Long, Attachment> triage = new HashMap<>();
    final Map<Long, Attachment> resources = new HashMap<>();
    final Map<Long, Attachment> blocks = new HashMap<>();

    Attachment of(long triageId, long resourceId, long registryId) {
      if (triageId != 0) {
        return triage.get(triageId);
      }
      if (resourceId != 0) {
        return resources.get(resourceId);
      }
      return registryId == 0 ? null : blocks.get(registryId);
    }
  }

  /** Labels of the rows {t, triage, resource, registry} refer to: at most three queries. */
  private Labels labels(Collection<long[]> refs) throws SQLException {
    Labels l = new Labels();
    Set<Long> triage = new HashSet<>();
    Set<Long> resources = new HashSet<>();
    Set<Long> blocks = new HashSet<>();
    for (long[] k : refs) {
      if (k[1] != 0) {
        triage.add(k[1]);
      } else if (k[2] != 0) {
        resources.add(k[2]);
      } else if (k[3] != 0) {
        blocks.add(k[3]);
      }
    }
    if (!triage.isEmpty()) {
      query(
          "select id, id, url_original from triage_item where id = any(?::int8[])",
          triage,
          (r) -> l.triage.put(r.getLong(1), attachment(Target.TRIAGE_ITEM, r)));
    }
    if (!resources.isEmpty()) {
      query(
          "select cr.id, vc.id, vc.registration_number from case_resource cr"
              + " join violation_case vc on vc.id = cr.case_id where cr.id = any(?::int8[])",
          resources,
          (r) -> l.resources.put(r.getLong(1), attachment(Target.CASE, r)));
    }
    if (!blocks.isEmpty()) {
      query(
          "select id, id, decision_number from registry_entry where id = any(?::int8[])",
          blocks,
          (r) -> l.blocks.put(r.getLong(1), attachment(Target.REGISTRY_ENTRY, r)));
    }
    return l;
  }

  private static Attachment attachment(Target kind, ResultSet r) throws SQLException {
    return new Attachment(kind, r.getLong(1), r.getLong(2), r.getString(3));
  }

  @FunctionalInterface
  interface RowReader {
    void read(ResultSet r) throws SQLException;
  }

  private void query(String sql, Collection<Long> ids, RowReader reader) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setArray(1, c.createArrayOf("int8", ids.toArray()));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          reader.read(r);
        }
      }
    }
  }

  // --- arrays ---------------------------------------------------------------------------------

  <T> Array texts(List<T> rows, Function<T, String> f) throws SQLException {
    Object[] a = new Object[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("text", a);
  }

  <T> Array longs(List<T> rows, Function<T, Long> f) throws SQLException {
    Object[] a = new Object[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("int8", a);
  }

  <T> Array ints(List<T> rows, Function<T, Integer> f) throws SQLException {
    Object[] a = new Object[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = f.apply(rows.get(i));
    }
    return c.createArrayOf("int4", a);
  }
}
