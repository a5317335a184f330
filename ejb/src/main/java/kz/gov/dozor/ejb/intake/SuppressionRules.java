package kz.gov.dozor.ejb.intake;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kz.gov.dozor.ejb.intake.DetectionChecks.Checked;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Kind;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Target;
import kz.gov.dozor.ejb.intake.IntakeBatch.Attachment;
import kz.gov.dozor.ejb.intake.IntakeBatch.Stored;
import kz.gov.dozor.persistence.intake.SuppressionRule.Action;
import kz.gov.dozor.persistence.intake.SuppressionRule.RuleKind;

/**
 * The organisation's rules in force for one batch, read once: a report a rule matches is dropped
 * (nothing stored) or stored on a dismissed triage item of its URL, and each rule's count grows by
 * what it caught, in one statement per batch.
 */
final class SuppressionRules {

  /** One rule in force, ready to match. */
  record Rule(long id, RuleKind kind, String pattern, Pattern glob, Action action, String reason) {

    boolean matches(Checked item) {
      return switch (kind) {
        case HOST -> item.host().equals(pattern) || item.host().endsWith("." + pattern);
        case URL_PATTERN -> glob.matcher(item.urlNormalized()).matches();
        case SOURCE -> item.source().equalsIgnoreCase(pattern);
      };
    }
  }

  private final List<Rule> rules;
  private final Map<Long, Long> caught = new LinkedHashMap<>();

  private SuppressionRules(List<Rule> rules) {
    this.rules = rules;
  }

  /** The rules of {@code organisation} not retired whose last day is {@code today} or later. */
  static SuppressionRules inForce(Connection c, String organisation, LocalDate today)
      throws SQLException {
    List<Rule> rules = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select id, kind, pattern, action, reason from suppression_rule"
                + " where organisation = ? and retired_at is null and ends_on >= ? order by id")) {
      q.setString(1, organisation);
      q.setDate(2, Date.valueOf(today));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          RuleKind kind = RuleKind.valueOf(r.getString(2));
          String pattern = r.getString(3);
          rules.add(
              new Rule(
                  r.getLong(1),
                  kind,
                  pattern,
                  kind == RuleKind.URL_PATTERN ? glob(pattern) : null,
                  Action.valueOf(r.getString(4)),
                  r.getString(5)));
        }
      }
    }
    return new SuppressionRules(rules);
  }

  /**
   * A glob on the normalised URL: {@code *} any run of characters, {@code ?} one character,
   * everything else literally; the whole URL must match.
   */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      if (ch == '*' || ch == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(ch == '*' ? ".*" : ".");
      } else {
        literal.append(ch);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /**
   * Answers and stores what the rules catch; returns the reports no rule matched. Dismissed reports
   * are stored at once, on one dismissed triage item per URL and rule.
   */
  List<Checked> apply(IntakeBatch batch, List<Checked> items) throws SQLException {
    if (rules.isEmpty() || items.isEmpty()) {
      return items;
    }
    List<Checked> kept = new ArrayList<>(items.size());
    Map<Checked, Rule> dismissed = new LinkedHashMap<>();
    for (Checked item : items) {
      Rule rule = firstMatching(item);
      if (rule == null) {
        kept.add(item);
        continue;
      }
      caught.merge(rule.id(), 1L, Long::sum);
      if (rule.action() == Action.DROP) {
        batch.answer(
            item.index(),
            new DetectionOutcome(
                Kind.SUPPRESSED, null, null, null, null, "suppressed", reasonOf(rule.id())));
      } else {
        dismissed.put(item, rule);
      }
    }
    if (!dismissed.isEmpty()) {
      Map<String, Attachment> items2 = dismissedItems(batch, dismissed);
      List<Stored> rows = new ArrayList<>(dismissed.size());
      dismissed.forEach(
          (item, rule) ->
              rows.add(
                  new Stored(
                      item,
                      items2.get(key(item.urlNormalized(), rule.id())),
                      Kind.SUPPRESSED,
                      rule.id())));
      batch.store(rows, Set.of());
    }
    count(batch);
    return kept;
  }

  private Rule firstMatching(Checked item) {
    for (Rule r : rules) {
      if (r.matches(item)) {
        return r;
      }
    }
    return null;
  }

  /** What the answer says of a suppressed report. */
  String reasonOf(Long ruleId) {
    for (Rule r : rules) {
      if (ruleId != null && r.id() == ruleId) {
        return "suppression rule " + r.id() + ": " + r.reason();
      }
    }
    return null;
  }

  private static String key(String url, long ruleId) {
    return ruleId + " " + url;
  }

  /** The dismissed triage item of each (URL, rule), made when there is none yet. */
  private static Map<String, Attachment> dismissedItems(
      IntakeBatch batch, Map<Checked, Rule> dismissed) throws SQLException {
    Connection c = batch.connection();
    Map<String, Checked> firsts = new HashMap<>();
    Map<String, Long> ruleOf = new HashMap<>();
    dismissed.forEach(
        (item, rule) -> {
          String k = key(item.urlNormalized(), rule.id());
          firsts.putIfAbsent(k, item);
          ruleOf.put(k, rule.id());
        });
    List<String> keys = new ArrayList<>(new TreeSet<>(firsts.keySet()));
    List<Checked> items = keys.stream().map(firsts::get).toList();
    Map<String, Attachment> found = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "insert into triage_item (id, version, organisation, status, url_original,"
                + " url_normalized, host, platform, first_seen_at, last_seen_at, seen_count,"
                + " source_count, dismissal_reason, suppression_rule_id, resolved_by, resolved_at)"
                + " select nextval('triage_item_seq'), 0, ?, 'DISMISSED', u.uo, u.un, u.h, u.p,"
                + " u.at, u.at, 0, 0, r.reason, r.id, 'suppression-rule', ?"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],"
                + " ?::int8[]) with ordinality as u(uo, un, h, p, at, rule, o)"
                + " join suppression_rule r on r.id = u.rule order by u.o"
                + " on conflict (organisation, url_normalized, suppression_rule_id)"
                + " where status = 'DISMISSED' and suppression_rule_id is not null do nothing")) {
      q.setString(1, batch.delivery().organisation());
      q.setObject(2, OffsetDateTime.ofInstant(batch.now(), ZoneOffset.UTC));
      q.setArray(3, batch.texts(items, Checked::urlOriginal));
      q.setArray(4, batch.texts(items, Checked::urlNormalized));
      q.setArray(5, batch.texts(items, Checked::host));
      q.setArray(6, batch.texts(items, x -> x.platform().name()));
      q.setArray(7, batch.texts(items, x -> x.detectedAt().toString()));
      q.setArray(8, batch.longs(keys, ruleOf::get));
      q.executeUpdate();
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "select t.id, t.url_normalized, t.suppression_rule_id, t.url_original"
                + " from unnest(?::text[], ?::int8[]) as u(un, rule)"
                + " join triage_item t on t.organisation = ? and t.url_normalized = u.un"
                + " and t.suppression_rule_id = u.rule and t.status = 'DISMISSED'")) {
      q.setArray(1, batch.texts(items, Checked::urlNormalized));
      q.setArray(2, batch.longs(keys, ruleOf::get));
      q.setString(3, batch.delivery().organisation());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.put(
              key(r.getString(2), r.getLong(3)),
              new Attachment(Target.TRIAGE_ITEM, r.getLong(1), r.getLong(1), r.getString(4)));
        }
      }
    }
    return found;
  }

  /** Adds what each rule caught in this batch to its count. */
  private void count(IntakeBatch batch) throws SQLException {
    if (caught.isEmpty()) {
      return;
    }
    Connection c = batch.connection();
    List<Long> ids = new ArrayList<>(new TreeSet<>(caught.keySet()));
    try (PreparedStatement q =
        c.prepareStatement(
            "update suppression_rule r set suppressed_count = r.suppressed_count + x.n,"
                + " last_suppressed_at = greatest(r.last_suppressed_at, ?)"
                + " from unnest(?::int8[], ?::int8[]) as x(id, n) where r.id = x.id")) {
      q.setObject(1, OffsetDateTime.ofInstant(batch.now(), ZoneOffset.UTC));
      q.setArray(2, c.createArrayOf("int8", ids.toArray()));
      q.setArray(3, c.createArrayOf("int8", ids.stream().map(caught::get).toArray()));
      q.executeUpdate();
    }
  }
}
