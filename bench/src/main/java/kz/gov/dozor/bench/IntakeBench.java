package kz.gov.dozor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Intake through the API in batches of 1,000 with de-duplication on, against COPY of the same rows
 * into the same table. Each batch mixes new URLs with URLs already pending in triage, in open cases
 * and actively blocked, so that every de-duplication path is taken.
 */
final class IntakeBench {

  private final Portal portal;
  private final String db;
  private final String clientId;
  private final String secret;

  /** Batches sent before the clock starts. */
  private static final int WARM_UP = 60;

  private final int batches;
  private final int threads;

  IntakeBench(Portal portal, String db, String clientId, String secret, int batches, int threads) {
    this.portal = portal;
    this.db = db;
    this.clientId = clientId;
    this.secret = secret;
    this.batches = batches;
    this.threads = threads;
  }

  /** One report as the benchmark sends it and as COPY writes it. */
  private record Row(String url, String host, String source, String ref, Instant detectedAt) {}

  void run() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<List<Row>> data = batches(run, batches);
    long rows = data.stream().mapToLong(List::size).sum();
    System.out.printf(
        Locale.ROOT,
        "intake: %,d reports in %,d batches, %d threads%n",
        rows,
        data.size(),
        threads);

    double copySeconds = copy(data);
    double copyRate = rows / copySeconds;

    String token = portal.detectorToken(clientId, secret);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // The server's code is compiled by the JIT during the first batches: those are not timed. A
    // few are not enough: with five, the compiler threads still took a fifth of the CPU while the
    // clock ran. Sixty, sent as the timed ones are, leave a server in its steady state.
    Map<String, AtomicLong> warmOutcomes = new ConcurrentHashMap<>();
    List<Future<?>> warm = new ArrayList<>();
    for (List<Row> batch : batches("warm-" + run, WARM_UP)) {
      String body = body(batch);
      warm.add(
          pool.submit(
              () -> {
                send(http, token, body, warmOutcomes);
                return null;
              }));
    }
    for (Future<?> f : warm) {
      f.get();
    }
    // The requests are written before the clock starts: a monitoring system does that on its own
    // machine, and here it would take the portal's two cores.
    List<String> bodies = new ArrayList<>(data.size());
    for (List<Row> batch : data) {
      bodies.add(body(batch));
    }
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (String body : bodies) {
      sent.add(
          pool.submit(
              () -> {
                send(http, token, body, outcomes);
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    double apiSeconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    double apiRate = rows / apiSeconds;
    System.out.println("  outcomes: " + new TreeMap<>(outcomes));
    Figures.add(
        "intake API, batches of 1,000, de-dup on (detections/s)",
        String.format(Locale.ROOT, "%,.0f /s", apiRate),
        "≥ 10,000 /s",
        String.format(Locale.ROOT, "COPY %,.0f /s", copyRate),
        Figures.ratio(apiRate, copyRate));
  }

  private static String body(List<Row> batch) throws Exception {
    ArrayNode items = Portal.JSON.createArrayNode();
    for (Row r : batch) {
      ObjectNode o = items.addObject();
      o.put("url", r.url());
      o.put("category", "ILLEGAL_GAMBLING");
      o.put("detectedAt", r.detectedAt().toString());
      o.put("source", r.source());
      o.put("sourceRef", r.ref());
      o.put("score", 0.8);
    }
    return Portal.JSON.writeValueAsString(items);
  }

  private void send(HttpClient http, String token, String body, Map<String, AtomicLong> outcomes)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(portal.base + "api/v1/detections"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "intake answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = Portal.JSON.readTree(response.body());
    JsonNode results = answer.isArray() ? answer : answer.path("items");
    for (JsonNode r : results) {
      String kind = r.path("outcome").asText(r.path("kind").asText(r.path("status").asText("?")));
      outcomes.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** The batches: 60% new URLs, 25% pending in triage, 10% in open cases, 5% blocked. */
  private List<List<Row>> batches(String run, int batches) throws Exception {
    int total = batches * 1000;
    List<String> pending =
        urls(
            "select url_normalized from triage_item where status = 'PENDING' order by id desc limit ?",
            total / 4);
    List<String> cased =
        urls(
            "select r.url_normalized from case_resource r join violation_case c on c.id = r.case_id"
                + " where c.status <> 'CLOSED' order by r.id desc limit ?",
            total / 10);
    List<String> blocked =
        urls(
            "select url_normalized from registry_entry where active order by id desc limit ?",
            total / 20);
    List<List<Row>> data = new ArrayList<>();
    Instant now = Instant.now();
    int p = 0;
    int c = 0;
    int b = 0;
    for (int i = 0; i < batches; i++) {
      List<Row> batch = new ArrayList<>(1000);
      for (int j = 0; j < 1000; j++) {
        int n = i * 1000 + j;
        int kind = n % 20;
        String url;
        if (kind < 5 && !pending.isEmpty()) {
          url = pending.get(p++ % pending.size());
        } else if (kind < 7 && !cased.isEmpty()) {
          url = cased.get(c++ % cased.size());
        } else if (kind < 8 && !blocked.isEmpty()) {
          url = blocked.get(b++ % blocked.size());
        } else {
          url = "https://bench-" + run + "-" + (n % 50_000) + ".example/offer/" + n;
        }
        String host = URI.create(url).getHost();
        batch.add(
            new Row(
                url,
                host,
                "crawler-" + (1 + n % 5),
                "bench-" + run + "-" + n,
                now.minusSeconds(n % 3600)));
      }
      data.add(batch);
    }
    return data;
  }

  private List<String> urls(String sql, int limit) throws Exception {
    List<String> urls = new ArrayList<>();
    try (Connection con = DriverManager.getConnection(db);
        var ps = con.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          urls.add(rs.getString(1));
        }
      }
    }
    return urls;
  }

  /** COPY of the same rows into the detection table, rolled back; seconds taken. */
  private double copy(List<List<Row>> data) throws Exception {
    try (Connection con = DriverManager.getConnection(db)) {
      con.setAutoCommit(false);
      long id;
      try (Statement s = con.createStatement();
          ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1000000 from detection")) {
        rs.next();
        id = rs.getLong(1);
      }
      StringBuilder csv = new StringBuilder(data.size() * 1000 * 160);
      for (List<Row> batch : data) {
        for (Row r : batch) {
          csv.append(id++)
              .append(",afm,")
              .append(r.source())
              .append(",copy-")
              .append(r.ref())
              .append(",bench,")
              .append(r.detectedAt())
              .append(',')
              .append(r.detectedAt())
              .append(',')
              .append(r.url())
              .append(',')
              .append(r.url())
              .append(',')
              .append(r.host())
              .append(",WEBSITE,ILLEGAL_GAMBLING,0.8\n");
        }
      }
      long start = System.nanoTime();
      con.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy detection (id, organisation, source_system, source_ref, received_from,"
                  + " received_at, detected_at, url_original, url_normalized, host, platform,"
                  + " category_code, score) from stdin (format csv)",
              new StringReader(csv.toString()));
      double seconds = (System.nanoTime() - start) / 1e9;
      con.rollback();
      return seconds;
    }
  }
}
