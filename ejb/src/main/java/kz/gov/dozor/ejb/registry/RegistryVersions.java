package kz.gov.dozor.ejb.registry;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The registry's current version, read from the database on every call (every node sees a change at
 * once). A plain bean, not an EJB: providers poll it thousands of times a second to be told "not
 * modified", after the API's door has let only providers in, and it reads one row of no secret.
 */
@ApplicationScoped
public class RegistryVersions {

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource ds;

  /** The current version and when it was made. */
  public RegistryVersion current() {
    try (Connection c = ds.getConnection()) {
      return current(c);
    } catch (SQLException e) {
      throw new IllegalStateException("registry version", e);
    }
  }

  /** The current version as the connection's transaction sees it. */
  static RegistryVersion current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select version, changed_at from registry_state")) {
      r.next();
      return new RegistryVersion(r.getLong(1), r.getTimestamp(2).toInstant());
    }
  }
}
