package kz.gov.dozor.ejb.registry;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private static final int FETCH = 5000;

  private static final String COLUMNS =
      "e.id, e.url, e.url_normalized, e.host, e.block_type, e.decision_number, e.decision_date,"
          + " e.issuing_body, e.notice_id, e.notice_number, e.blocked_at, e.urgent,"
          + " e.content_hash, e.active, e.included_version, e.lifted_at";

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource ds;

  @Resource private ManagedExecutorService executor;

  /** The current version; one row read, for version checks and conditional requests. */
  public RegistryVersion current() {
    try (Connection c = ds.getConnection()) {
      return RegistryVersions.current(c);
    } catch (SQLException e) {
      throw new IllegalStateException("registry version", e);
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
      RegistryVersion v = RegistryVersions.current(c);
      if (since != null && (since < 0 || since > v.version())) {
        throw new UnknownVersionException(since, v.version());
      }
      // The driver's own connection for the cursor: the pool's wrapper takes a lock on every call
      // (sixteen per row), and an export makes millions. The wrapper still owns its lifecycle.
      Connection raw = (Connection) c.unwrap(org.postgresql.PGConnection.class);
      PreparedStatement q =
          raw.prepareStatement(
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
      try {
        cursor.readAhead(executor);
      } catch (RuntimeException e) {
        cursor.close();
        throw e;
      }
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

  /**
   * A version's entries, read as they are written out. A thread of the server's managed executor
   * reads ahead (batches of {@value #BATCH}, at most {@value #AHEAD} waiting), so that the database
   * produces the next rows while the export formats the last: an export costs about the larger of
   * the two, not their sum, and memory stays at a few batches.
   */
  public static final class Cursor implements AutoCloseable {
    private static final int BATCH = 1000;
    private static final int AHEAD = 4;
    private static final List<ExportEntry> END = new ArrayList<>(0);

    private final Connection c;
    private final PreparedStatement q;
    private final ResultSet r;
    private final RegistryVersion version;
    private final Long since;
    private final BlockingQueue<List<ExportEntry>> batches = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean closed;
    private volatile Throwable failure;
    private Future<?> reader;
    private Iterator<ExportEntry> current = Collections.emptyIterator();
    private boolean ended;

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

    void readAhead(ExecutorService executor) {
      reader =
          executor.submit(
              () -> {
                try {
                  List<ExportEntry> batch = new ArrayList<>(BATCH);
                  while (!closed && r.next()) {
                    batch.add(read());
                    if (batch.size() == BATCH) {
                      hand(batch);
                      batch = new ArrayList<>(BATCH);
                    }
                  }
                  if (!batch.isEmpty()) {
                    hand(batch);
                  }
                } catch (SQLException | RuntimeException e) {
                  failure = e;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  try {
                    hand(END);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
    }

    private void hand(List<ExportEntry> batch) throws InterruptedException {
      while (!closed && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        // The writer is slower (or gone): wait, unless the cursor was closed.
      }
    }

    /** The next entry, or null at the end. */
    public ExportEntry next() {
      while (!current.hasNext()) {
        if (ended) {
          return null;
        }
        List<ExportEntry> batch;
        try {
          batch = batches.poll(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("registry export interrupted", e);
        }
        if (batch == null) {
          throw new IllegalStateException("registry export: the database gave no rows for 5 min");
        }
        if (batch == END) {
          ended = true;
          if (failure != null) {
            throw new IllegalStateException("registry export", failure);
          }
          return null;
        }
        current = batch.iterator();
      }
      return current.next();
    }

    private ExportEntry read() throws SQLException {
      boolean active = r.getBoolean(14);
      Change change = null;
      if (since != null) {
        change = !active ? Change.REMOVED : r.getLong(15) > since ? Change.ADDED : Change.CHANGED;
      }
      // OffsetDateTime and LocalDate are read by the driver without java.util.Calendar.
      OffsetDateTime lifted = r.getObject(16, OffsetDateTime.class);
      return new ExportEntry(
          r.getLong(1),
          r.getString(2),
          r.getString(3),
          r.getString(4),
          r.getString(5),
          r.getString(6),
          r.getObject(7, LocalDate.class),
          r.getString(8),
          r.getLong(9),
          r.getString(10),
          r.getObject(11, OffsetDateTime.class).toInstant(),
          r.getBoolean(12),
          r.getString(13),
          change,
          active || lifted == null ? null : lifted.toInstant());
    }

    @Override
    public void close() {
      closed = true;
      if (reader != null) {
        try {
          // The reader stops at its next row or hand-over; then the connection is free.
          reader.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          reader.cancel(true);
        }
      }
      batches.clear();
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
