package kz.gov.dozor.ejb.intake;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;

/**
 * The ingest engine behind {@link DetectionIntake}: a batch is checked item by item in memory, then
 * written with a handful of set-based statements over arrays (no entity per report), so that
 * monitoring systems can deliver thousands of reports a second. Concurrent batches on several nodes
 * meet in the database: the unique (source, reference) of a report and the one pending triage item
 * per URL are unique indexes, and every insert says what happens on conflict.
 */
@Stateless
@RolesAllowed({Roles.DETECTOR, Roles.INVESTIGATOR})
public class DetectionIntakeService implements DetectionIntake {

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource dataSource;

  @Resource private SessionContext ctx;
  @Inject private UserDirectory users;
  @Inject private Clock clock;

  @Override
  public List<DetectionOutcome> receive(Delivery delivery, List<IncomingDetection> items) {
    checkDelivery(delivery);
    if (items == null || items.isEmpty()) {
      return List.of();
    }
    if (items.size() > MAX_BATCH) {
      throw new InvalidInputException(
          List.of(new Problem("items", "intake.batch.tooLarge", MAX_BATCH)));
    }
    // The connection of the caller's transaction (the data source enlists it), so the batch
    // commits or rolls back with the caller's work.
    try (Connection c = dataSource.getConnection()) {
      Instant now = clock.instant();
      SuppressionRules rules =
          SuppressionRules.inForce(
              c, delivery.organisation(), LocalDate.ofInstant(now, Almaty.ZONE));
      return new IntakeBatch(c, delivery, now, rules).receive(items);
    } catch (SQLException e) {
      throw new EJBException("intake batch failed: " + e.getMessage(), e);
    }
  }

  /**
   * A detector delivers for the agency its client is bound to (the API takes it from the token); a
   * person importing a file delivers for their own organisation, under their own name.
   */
  private void checkDelivery(Delivery delivery) {
    if (delivery == null
        || !Organisations.isAgency(delivery.organisation())
        || Checks.isBlank(delivery.receivedFrom())
        || delivery.receivedFrom().length() > 100) {
      throw new AccessDeniedException("access.denied");
    }
    if (ctx.isCallerInRole(Roles.DETECTOR)) {
      return;
    }
    Caller caller = users.requireOrganisationMember();
    if (!caller.belongsTo(delivery.organisation())
        || !caller.username().equals(delivery.receivedFrom())) {
      throw new AccessDeniedException("access.denied");
    }
  }

  /** Every category's code and whether it may be used for new work; a short list. */
  static Map<String, Boolean> categories(Connection c) throws SQLException {
    Map<String, Boolean> out = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement("select code, active from category");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        out.put(r.getString(1), r.getBoolean(2));
      }
    }
    return out;
  }
}
