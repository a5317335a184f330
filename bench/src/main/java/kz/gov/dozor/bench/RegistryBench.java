package kz.gov.dozor.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry API as providers use it, on the generated registry (a million entries): the full
 * export streamed (CSV and XML) with the server's heap sampled, beside {@code psql \copy} of the
 * same rows; a delta of 1,000 changes beside its SQL; and conditional requests answered 304, beside
 * the same request answered 304 by the server's plain static-file servlet.
 */
final class RegistryBench {

  private static final String COLUMNS =
      "e.id, e.url, e.url_normalized, e.host, e.block_type, e.decision_number, e.decision_date,"
          + " e.issuing_body, e.notice_id, e.notice_number, e.blocked_at, e.urgent,"
          + " e.content_hash, e.active, e.included_version, e.lifted_at";

  private final Portal portal;
  private final String db;
  private final String clientId;
  private final String secret;
  private final long serverPid;
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  RegistryBench(Portal portal, String db, String clientId, String secret, long serverPid) {
    this.portal = portal;
    this.db = db;
    this.clientId = clientId;
    this.secret = secret;
    this.serverPid = serverPid;
  }

  void run() throws Exception {
    token = portal.detectorToken(clientId, secret);
    String api = portal.base + "api/v1/registry";
    long entries = single("select count(*) from registry_entry where active");
    System.out.printf(Locale.ROOT, "registry: %,d active entries%n", entries);

    // The full export: warmed once, then the median of three, with the heap sampled throughout.
    fullExport(api, "csv");
    double copy = median(3, this::psqlCopy);
    List<String> formats = List.of("csv", "xml", "json");
    double[] seconds = new double[formats.size()];
    String heap;
    try (HeapSampler sampler = new HeapSampler(serverPid)) {
      for (int i = 0; i < formats.size(); i++) {
        String format = formats.get(i);
        seconds[i] = median(3, () -> fullExport(api, format));
      }
      sampler.close();
      heap = sampler.figure();
    }
    String baseline = String.format(Locale.ROOT, "psql \\copy %.2f s", copy);
    for (int i = 0; i < formats.size(); i++) {
      String format = formats.get(i).toUpperCase(Locale.ROOT);
      System.out.printf(
          Locale.ROOT, "  full export, %s: %.2f s; %s%n", format, seconds[i], baseline);
      Figures.add(
          i == 0
              ? String.format(
                  Locale.ROOT, "full export of %,d entries, %s (signed, streamed)", entries, format)
              : "the same, " + format,
          i == 0
              ? String.format(Locale.ROOT, "%.2f s; %s", seconds[i], heap)
              : String.format(Locale.ROOT, "%.2f s", seconds[i]),
          i == 0 ? "≤ 2× psql \\copy, heap flat" : "≤ 2×",
          baseline,
          Figures.ratio(seconds[i], copy));
    }

    // A delta of 1,000 changes: 1,000 blocks lifted in one version, then the delta since before.
    long since = liftThousand();
    double[] delta = new double[20];
    double[] sql = new double[20];
    for (int i = -3; i < 20; i++) {
      long t0 = System.nanoTime();
      long bytes = get(api + "?format=json&since=" + since, null).bytes;
      double ms = (System.nanoTime() - t0) / 1e6;
      long s0 = System.nanoTime();
      int rows = deltaSql(since);
      double sqlMs = (System.nanoTime() - s0) / 1e6;
      if (i >= 0) {
        delta[i] = ms;
        sql[i] = sqlMs;
      }
      if (rows != 1000 || bytes == 0) {
        throw new IllegalStateException("the delta holds " + rows + " rows");
      }
    }
    Figures.add(
        "delta of 1,000 changes (JSON, p95)",
        Figures.ms(Figures.percentile(delta, 95)),
        "≤ 200 ms",
        "its SQL p95 " + Figures.ms(Figures.percentile(sql, 95)),
        Figures.ratio(Figures.percentile(delta, 95), Figures.percentile(sql, 95)));

    // Conditional requests: 4 clients for 10 s with the ETag they hold.
    Answer full = get(api + "?format=json&since=" + since, null);
    // Untimed first, the same way, so that the server's JIT has compiled the path.
    rate(api + "?format=json&since=" + since, "If-None-Match", full.etag);
    double notModified = rate(api + "?format=json&since=" + since, "If-None-Match", full.etag);
    Answer file = get(portal.base + "api-docs/openapi.yaml", null);
    double plain =
        rate(portal.base + "api-docs/openapi.yaml", "If-Modified-Since", file.lastModified);
    Figures.add(
        "conditional request answered 304 (4 clients)",
        String.format(Locale.ROOT, "%,.0f /s", notModified),
        "≥ 1,000 /s",
        String.format(Locale.ROOT, "static file 304 %,.0f /s", plain),
        Figures.ratio(plain, notModified));
  }

  interface Timed {
    double seconds() throws Exception;
  }

  private static double median(int n, Timed t) throws Exception {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = t.seconds();
    }
    Arrays.sort(s);
    return s[n / 2];
  }

  record Answer(int status, long bytes, String etag, String lastModified) {}

  private Answer get(String url, String[] header) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    // The API with the provider's token; the static file as anyone fetches it.
    if (url.contains("/api/v1/")) {
      b.header("Authorization", "Bearer " + token);
    }
    if (header != null) {
      b.header(header[0], header[1]);
    }
    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    try (InputStream in = r.body()) {
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        bytes += n;
      }
    }
    return new Answer(
        r.statusCode(),
        bytes,
        r.headers().firstValue("ETag").orElse(null),
        r.headers().firstValue("Last-Modified").orElse(null));
  }

  private double fullExport(String api, String format) throws Exception {
    long t0 = System.nanoTime();
    Answer a = get(api + "?format=" + format, null);
    if (a.status != 200) {
      throw new IllegalStateException("export answered " + a.status);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** psql's \copy of the full export's rows to stdout, thrown away; seconds. */
  private double psqlCopy() throws Exception {
    URI u = URI.create(db.substring("jdbc:".length()));
    String user = "postgres";
    if (u.getQuery() != null) {
      for (String kv : u.getQuery().split("&")) {
        if (kv.startsWith("user=")) {
          user = kv.substring(5);
        }
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                "psql",
                "-h",
                u.getHost(),
                "-p",
                String.valueOf(u.getPort() < 0 ? 5432 : u.getPort()),
                "-U",
                user,
                "-d",
                u.getPath().substring(1),
                "-c",
                "\\copy (select "
                    + COLUMNS
                    + " from registry_entry e where e.active order by e.id) to stdout")
            .redirectOutput(Path.of("/dev/null").toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    int status = pb.start().waitFor();
    if (status != 0) {
      throw new IllegalStateException("psql failed");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Lifts 1,000 active entries in one new registry version, as a bulk lift would; returns the
   * version before.
   */
  private long liftThousand() throws Exception {
    try (Connection c = DriverManager.getConnection(db)) {
      c.setAutoCommit(false);
      long v;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select version from registry_state for update")) {
        r.next();
        v = r.getLong(1);
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "update registry_entry set active = false, lifted_at = now(), lifted_by = 'officer1',"
                  + " lift_reason = 'bench', lifted_version = ?, changed_version = ?"
                  + " where id in (select id from registry_entry where active"
                  + " order by id desc limit 1000)")) {
        p.setLong(1, v + 1);
        p.setLong(2, v + 1);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into registry_change (version, changed_at, kind, entries, urgent, changed_by)"
                  + " values (?, now(), 'LIFT', 1000, false, 'officer1')")) {
        p.setLong(1, v + 1);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement("update registry_state set version = ?, changed_at = now()")) {
        p.setLong(1, v + 1);
        p.executeUpdate();
      }
      c.commit();
      return v;
    }
  }

  private int deltaSql(long since) throws Exception {
    try (Connection c = DriverManager.getConnection(db);
        PreparedStatement p =
            c.prepareStatement(
                "select "
                    + COLUMNS
                    + " from registry_entry e where e.changed_version > ?"
                    + " and (e.active or e.included_version <= ?) order by e.id")) {
      p.setLong(1, since);
      p.setLong(2, since);
      int n = 0;
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          n++;
        }
      }
      return n;
    }
  }

  /** Requests per second of 4 clients for 10 s, each sending the header; every answer a 304. */
  private double rate(String url, String header, String value) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicLong done = new AtomicLong();
    AtomicLong other = new AtomicLong();
    long end = System.nanoTime() + 10_000_000_000L;
    List<Future<?>> clients = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        clients.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    Answer a = get(url, new String[] {header, value});
                    if (a.status == 304) {
                      done.incrementAndGet();
                    } else if (other.incrementAndGet() == 1) {
                      System.out.println("  " + url + " answered " + a.status);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    if (other.get() > 0) {
      throw new IllegalStateException(other.get() + " answers were not 304 for " + url);
    }
    return done.get() / 10.0;
  }

  private long single(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
