package kz.gov.dozor.ejb.intake;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.ejb.intake.DetectionOutcome.Kind;
import kz.gov.dozor.ejb.users.Roles;

/**
 * The intake API's use case: a monitoring system's request, received once. Within one transaction
 * the idempotency key is claimed (or its first answer returned), screenshots are checked as uploads
 * are, the reports go through {@link DetectionIntake}, the screenshots of stored reports are kept
 * in the evidence store, and the answer is kept under the key.
 */
@Stateless
@RolesAllowed(Roles.DETECTOR)
public class IntakeApiService {

  /** How long a key and its answer are kept: a client retries within hours, not days. */
  public static final Duration KEY_LIFETIME = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(IntakeApiService.class.getName());

  /**
   * Looked up once: {@code Json.createObjectBuilder()} finds its provider through the service
   * loader on every call, which in WildFly's modular class loading cost about a second for the two
   * thousand builders of one answer.
   */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource dataSource;

  @Inject private DetectionIntake intake;
  @Inject private EvidenceStore store;
  @Inject private Clock clock;

  /**
   * Receives one request of a detector's: {@code items} in the request's order, {@code key} its
   * Idempotency-Key (or null), {@code requestSha256} the hash of its body.
   */
  public ApiAnswer deliver(
      Delivery delivery, String key, String requestSha256, List<ApiItem> items) {
    try (Connection c = dataSource.getConnection()) {
      if (key != null) {
        ApiAnswer earlier = claim(c, delivery.receivedFrom(), key, requestSha256);
        if (earlier != null) {
          return earlier;
        }
      }
      ApiAnswer answer = new ApiAnswer(200, receive(delivery, items), false);
      if (key != null) {
        try (PreparedStatement q =
            c.prepareStatement(
                "update intake_idempotency set status = ?, body = ?"
                    + " where client = ? and idempotency_key = ?")) {
          q.setInt(1, answer.status());
          q.setString(2, answer.body());
          q.setString(3, delivery.receivedFrom());
          q.setString(4, key);
          q.executeUpdate();
        }
      }
      return answer;
    } catch (SQLException e) {
      throw new EJBException("intake request failed: " + e.getMessage(), e);
    }
  }

  /**
   * Claims the key for this request, or returns the answer a request with it had. A concurrent
   * request with the same key waits on the primary key until the first commits (then its answer is
   * returned) or rolls back (then this one goes ahead).
   */
  private ApiAnswer claim(Connection c, String client, String key, String sha) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "insert into intake_idempotency (client, idempotency_key, request_sha256, created_at)"
                + " values (?, ?, ?, ?) on conflict do nothing")) {
      q.setString(1, client);
      q.setString(2, key);
      q.setString(3, sha);
      q.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      if (q.executeUpdate() == 1) {
        return null;
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "select request_sha256, status, body from intake_idempotency"
                + " where client = ? and idempotency_key = ?")) {
      q.setString(1, client);
      q.setString(2, key);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          // Removed by the expiry between the two statements: the client sends it again.
          throw new IdempotencyConflictException();
        }
        if (!r.getString(1).equals(sha)) {
          throw new IdempotencyConflictException();
        }
        return new ApiAnswer(r.getInt(2), r.getString(3), true);
      }
    }
  }

  private String receive(Delivery delivery, List<ApiItem> items) {
    int n = items.size();
    DetectionOutcome[] out = new DetectionOutcome[n];
    StagedEvidence[] staged = new StagedEvidence[n];
    List<IncomingDetection> reports = new ArrayList<>(n);
    List<Integer> positions = new ArrayList<>(n);
    String owner = "detector:" + delivery.receivedFrom();
    try {
      for (int i = 0; i < n; i++) {
        ApiItem item = items.get(i);
        if (item.refused() != null) {
          out[i] = item.refused();
          continue;
        }
        IncomingDetection d = item.detection();
        if (item.screenshot() != null) {
          try {
            staged[i] =
                store.receive(
                    new ByteArrayInputStream(item.screenshot()), item.screenshotName(), owner);
          } catch (EvidenceRejectedException e) {
            out[i] = DetectionOutcome.rejected("invalid-screenshot", reasonOf(e));
            continue;
          }
          StagedEvidence s = staged[i];
          d =
              new IncomingDetection(
                  d.url(),
                  d.platform(),
                  d.category(),
                  d.detectedAt(),
                  d.sourceSystem(),
                  d.sourceRef(),
                  d.score(),
                  d.note(),
                  new IncomingDetection.Screenshot(
                      s.sha256(),
                      s.mediaType(),
                      s.sizeBytes(),
                      s.fileName(),
                      s.width(),
                      s.height()),
                  d.importRow());
        }
        reports.add(d);
        positions.add(i);
      }
      List<DetectionOutcome> received = intake.receive(delivery, reports);
      for (int k = 0; k < received.size(); k++) {
        int i = positions.get(k);
        out[i] = received.get(k);
        // A screenshot is kept only with a report stored now (not with a merged repeat).
        if (staged[i] != null && storedNow(out[i])) {
          store.keep(staged[i]);
          staged[i] = null;
        }
      }
    } finally {
      for (StagedEvidence s : staged) {
        if (s != null) {
          store.discard(s);
        }
      }
    }
    return answerOf(out);
  }

  private static boolean storedNow(DetectionOutcome o) {
    return o.detectionId() != null && (o.kind() == Kind.ACCEPTED || o.kind() == Kind.MERGED);
  }

  private static String reasonOf(EvidenceRejectedException e) {
    return switch (e.getReason()) {
      case EMPTY -> "the screenshot is empty";
      case TOO_LARGE -> "the screenshot is larger than 20 MB";
      case TYPE_NOT_ALLOWED -> "the screenshot must be PNG, JPEG, WebP or PDF";
      case CORRUPT -> "the screenshot cannot be read";
      case TOO_MANY_PIXELS -> "the screenshot has too many pixels";
      case ENCRYPTED -> "the PDF is encrypted";
      case DECODED_TOO_LARGE -> "the PDF decodes to too much data";
      case TOO_MANY_IN_FORM, TOO_MANY_STAGED -> "too many screenshots at once";
    };
  }

  /** The JSON answer: counts by outcome and one entry per item, in the request's order. */
  static String answerOf(DetectionOutcome[] out) {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (int i = 0; i < out.length; i++) {
      DetectionOutcome o = out[i];
      counts.merge(o.kind(), 1, Integer::sum);
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("index", i)
              .add("outcome", o.kind().name().toLowerCase(Locale.ROOT));
      if (o.detectionId() != null) {
        item.add("detectionId", o.detectionId());
      }
      if (o.target() != null) {
        JsonObjectBuilder target =
            JSON.createObjectBuilder()
                .add("kind", o.target().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("id", o.targetId());
        if (o.targetLabel() != null) {
          target.add("label", o.targetLabel());
        }
        item.add("target", target);
      }
      if (o.problem() != null) {
        item.add("problem", o.problem());
      }
      if (o.detail() != null) {
        item.add("detail", o.detail());
      }
      items.add(item);
    }
    JsonObjectBuilder body = JSON.createObjectBuilder().add("received", out.length);
    for (Kind k : Kind.values()) {
      body.add(k.name().toLowerCase(Locale.ROOT), counts.getOrDefault(k, 0));
    }
    return body.add("items", items).build().toString();
  }

  /** Forgets keys older than {@link #KEY_LIFETIME}; the same delete is harmless on every node. */
  @Schedule(hour = "*", minute = "23", persistent = false)
  @PermitAll
  public void expireKeys() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("delete from intake_idempotency where created_at < ?")) {
      q.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(KEY_LIFETIME), ZoneOffset.UTC));
      int gone = q.executeUpdate();
      if (gone > 0) {
        LOG.fine(() -> gone + " idempotency keys expired");
      }
    } catch (SQLException e) {
      throw new EJBException("cannot expire idempotency keys", e);
    }
  }
}
