package kz.gov.dozor.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import kz.gov.dozor.it.support.TestIdentity.User;

/** Sets up and reads back rows with plain SQL, independent of the code under test. */
public final class TestData {

  private final DataSource ds;

  public TestData(DataSource ds) {
    this.ds = ds;
  }

  /**
   * An unread inbox message for {@code username}, stored as the portal stores them: a message key
   * and its parameters (strings); returns its id.
   */
  public long inboxMessage(String username, String key, String parameter, String link)
      throws SQLException {
    long id = ((Number) single("select nextval('portal_notification_seq')")).longValue();
    update(
        "insert into portal_notification (id, recipient, created_at, message_key, parameters, link)"
            + " values (?, ?, now(), ?, ?, ?)",
        id,
        username,
        key,
        "[\"" + parameter + "\"]",
        link);
    return id;
  }

  /** A new user, as if they had signed in with this organisation; unique per call. */
  public User user(String prefix, String organisation, String... roles) throws SQLException {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    update(
        "insert into portal_user (username, full_name, email, organisation, roles,"
            + " first_sign_in_at, last_sign_in_at) values (?, ?, ?, ?, ?, now(), now())",
        username,
        "Test " + username,
        username + "@example.kz",
        organisation,
        "," + String.join(",", roles) + ",");
    return new User(username, organisation, Set.of(roles));
  }

  /**
   * A demo user of the realm (e.g. {@code admin.afm}) as the portal knows them, whether or not the
   * directory's sync or a sign-in has written them yet; returns them to call services as.
   */
  public User demoUser(String username, String organisation, String... roles) throws SQLException {
    update(
        "insert into portal_user (username, full_name, organisation, roles) values (?, ?, ?, ?)"
            + " on conflict (username) do nothing",
        username,
        username,
        organisation,
        "," + String.join(",", roles) + ",");
    return new User(username, organisation, Set.of(roles));
  }

  /** A deadline rule as it is stored now. */
  public record DeadlineRule(int days, boolean workingDays) {}

  /** The rule for one step of the procedure ({@code SIGN_OFF}, {@code MINISTRY_DECISION}, …). */
  public DeadlineRule deadlineRule(String step) throws SQLException {
    List<Object> row =
        rows("select days, working_days from deadline_rule where step = ?", step).get(0);
    return new DeadlineRule(((Number) row.get(0)).intValue(), (Boolean) row.get(1));
  }

  /** A code no other reference entry has: {@code PREFIX_1A2B3C4D}. */
  public static String uniqueCode(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /**
   * A legal basis offered in the pick lists, as an administrator would have added it: an article of
   * {@code law} (make it unique), with titles and texts in the three languages; returns its id.
   */
  public long legalBasis(String law, String article) throws SQLException {
    long id = ((Number) single("select nextval('legal_basis_seq')")).longValue();
    update(
        "insert into legal_basis (id, law, article, title_kk, title_ru, title_en, text_kk,"
            + " text_ru, text_en, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 500)",
        id,
        law,
        article,
        "Тақырып " + article,
        "Заголовок " + article,
        "Title " + article,
        "Мәтін " + article,
        "Текст " + article,
        "Text of " + article);
    return id;
  }

  public int update(String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  public long count(String sql, Object... args) throws SQLException {
    return ((Number) single(sql, args)).longValue();
  }

  public Object single(String sql, Object... args) throws SQLException {
    List<List<Object>> rows = rows(sql, args);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
    }
    return rows.get(0).get(0);
  }

  public List<List<Object>> rows(String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }
}
