package kz.gov.dozor.ejb.registry;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.registry.ExportEntry.Change;
import kz.gov.dozor.ejb.users.Roles;

/**
 * The registry as providers read it: its current version, and its entries (all active ones, or the
 * changes since a version) read through a cursor, so that an export of any size streams. The
 * version and the entries come from one snapshot: what is exported is exactly that version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.PROVIDER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
public class RegistryFeed {

  private static final int FETCH = 1000;

  private static final String COLUMNS =
      "e.id, e.url, e.url_normalized, e.host, e.block_type, e.decision_number, e.decision_date,"
          + " e.issuing_body, e.notice_id, e.notice_number, e.blocked_at, e.urgent,"
          + " e.content_hash, e.active, e.included_version, e.lifted_at";

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource ds;

  /** The current version; one row read, for version checks and conditional requests. */
  public RegistryVersion current() {
    try (Connection c = ds.getConnection()) {
      return current(c);
    } catch (SQLException e) {
      throw new IllegalStateException("registry version", e);
    }
  }

  private static RegistryVersion current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select version, changed_at from registry_state")) {
      r.next();
      return new RegistryVersion(r.getLong(1), r.getTimestamp(2).toInstant());
    }
  }

  /**
   * Opens the entries of the current version: every active one ({@code since} null), or those
   * changed after version {@code since} (an entry included and lifted after it is left out: the
   * provider never had it). The caller closes the cursor.
   *
   * @throws UnknownVersionException when {@code since} is after the current version
   */
  public Cursor open(Long since) {
    Connection c = null;
    try {
      c = ds.getConnection();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // One snapshot for the version and its entries; a cursor (fetch size, no autocommit).
        s.execute("set transaction isolation level repeatable read, read only");
      }
      RegistryVersion v = current(c);
      if (since != null && (since < 0 || since > v.version())) {
        throw new UnknownVersionException(since, v.version());
      }
      PreparedStatement q =
          c.prepareStatement(
              since == null
                  ? "select " + COLUMNS + " from registry_entry e where e.active order by e.id"
                  : "select "
                      + COLUMNS
                      + " from registry_entry e where e.changed_version > ?"
                      + " and (e.active or e.included_version <= ?) order by e.id");
      q.setFetchSize(FETCH);
      if (since != null) {
        q.setLong(1, since);
        q.setLong(2, since);
      }
      Cursor cursor = new Cursor(c, q, q.executeQuery(), v, since);
      c = null;
      return cursor;
    } catch (SQLException e) {
      throw new IllegalStateException("registry export", e);
    } finally {
      if (c != null) {
        close(c);
      }
    }
  }

  private static void close(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is closed below all the same.
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing left to release.
    }
  }

  /** A version's entries, read as they are written out. */
  public static final class Cursor implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement q;
    private final ResultSet r;
    private final RegistryVersion version;
    private final Long since;

    Cursor(Connection c, PreparedStatement q, ResultSet r, RegistryVersion version, Long since) {
      this.c = c;
      this.q = q;
      this.r = r;
      this.version = version;
      this.since = since;
    }

    public RegistryVersion version() {
      return version;
    }

    /** The version the delta starts after, or null for the full snapshot. */
    public Long since() {
      return since;
    }

    /** The next entry, or null at the end. */
    public ExportEntry next() {
      try {
        if (!r.next()) {
          return null;
        }
        boolean active = r.getBoolean(14);
        Change change = null;
        if (since != null) {
          change = !active ? Change.REMOVED : r.getLong(15) > since ? Change.ADDED : Change.CHANGED;
        }
        Timestamp lifted = r.getTimestamp(16);
        return new ExportEntry(
            r.getLong(1),
            r.getString(2),
            r.getString(3),
            r.getString(4),
            r.getString(5),
            r.getString(6),
            r.getDate(7).toLocalDate(),
            r.getString(8),
            r.getLong(9),
            r.getString(10),
            r.getTimestamp(11).toInstant(),
            r.getBoolean(12),
            r.getString(13),
            change,
            active || lifted == null ? null : lifted.toInstant());
      } catch (SQLException e) {
        throw new IllegalStateException("registry export", e);
      }
    }

    @Override
    public void close() {
      try {
        r.close();
        q.close();
      } catch (SQLException ignored) {
        // The connection's rollback below releases the cursor all the same.
      }
      RegistryFeed.close(c);
    }
  }
}
