package kz.gov.dozor.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.postgresql.PGConnection;

/**
 * A CSV import of many rows, uploaded in the browser and run by the server's batch job: the time
 * from upload to the last row, and the server's heap while it runs (sampled with jstat). Beside it,
 * COPY of the same rows into the detection table (rolled back).
 */
final class ImportBench {

  private final Portal portal;
  private final String db;
  private final long serverPid;

  ImportBench(Portal portal, String db, long serverPid) {
    this.portal = portal;
    this.db = db;
    this.serverPid = serverPid;
  }

  void run(String investigator, String password, int rows) throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Path csv = Files.createTempFile("dozor-bench-import-" + run + "-", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("url,platform,category,note,detected_at\n");
      for (int i = 1; i <= rows; i++) {
        // One row in a thousand is not a URL: the report lists it.
        String url =
            i % 1000 == 0
                ? "not a url " + i
                : "https://import-" + run + "-" + (i % 20_000) + ".example/offer/" + i;
        w.write(url + ",WEBSITE,ILLEGAL_GAMBLING,bench row " + i + ",2026-11-01T10:00:00+05:00\n");
      }
    }
    double copySeconds = copy(csv, run);

    HeapSampler heap = new HeapSampler(serverPid);
    long id;
    double wall;
    try (Chromium b = new Chromium(portal)) {
      b.signIn(investigator, password, Path.of("wildfly-config/keycloak/demo-totp.properties"));
      b.driver.get(portal.base + "intake/imports.xhtml");
      long start = System.nanoTime();
      b.driver.findElement(By.cssSelector("#upload input[type='file']")).sendKeys(csv.toString());
      id = waitForImport(csv.getFileName().toString());
      wall = (System.nanoTime() - start) / 1e9;
    }
    heap.close();

    try (Connection con = DriverManager.getConnection(db);
        PreparedStatement ps =
            con.prepareStatement(
                "select status, rows_read, accepted, merged, rejected,"
                    + " extract(epoch from finished_at - created_at) from intake_import"
                    + " where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        System.out.printf(
            Locale.ROOT,
            "  import %d: %s, read %,d, accepted %,d, merged %,d, rejected %,d; %.1f s on the"
                + " server, %.1f s from upload to done%n",
            id,
            rs.getString(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getDouble(6),
            wall);
        if (!"COMPLETED".equals(rs.getString(1))) {
          throw new IllegalStateException("import " + id + " ended " + rs.getString(1));
        }
      }
    }
    String heapFigure = heap.figure();
    System.out.println("  server heap during the import: " + heapFigure);
    Figures.add(
        String.format(Locale.ROOT, "CSV import of %,d rows (upload to done; heap)", rows),
        String.format(Locale.ROOT, "%.1f s; %s", wall, heapFigure),
        "≤ 60 s, heap flat",
        String.format(Locale.ROOT, "COPY %.1f s", copySeconds),
        Figures.ratio(wall, copySeconds));
  }

  /** Polls the database until the import of this file is finished; returns its id. */
  private long waitForImport(String fileName) throws Exception {
    try (Connection con = DriverManager.getConnection(db);
        PreparedStatement ps =
            con.prepareStatement(
                "select id, status from intake_import where file_name = ?"
                    + " order by id desc limit 1")) {
      ps.setString(1, fileName);
      Instant deadline = Instant.now().plusSeconds(900);
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()
              && List.of("COMPLETED", "FAILED", "INTERRUPTED").contains(rs.getString(2))) {
            return rs.getLong(1);
          }
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the import of " + fileName + " did not finish in 15 min");
  }

  /** COPY of the file's rows into the detection table, rolled back; seconds taken. */
  private double copy(Path csv, String run) throws Exception {
    try (Connection con = DriverManager.getConnection(db)) {
      con.setAutoCommit(false);
      try (var s = con.createStatement()) {
        s.execute(
            "create temp table bench_import (url text, platform text, category text, note text,"
                + " detected_at timestamptz) on commit drop");
      }
      long start = System.nanoTime();
      try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        con.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("copy bench_import from stdin (format csv, header true)", in);
      }
      try (var s = con.createStatement()) {
        s.executeUpdate(
            "insert into detection (id, organisation, source_system, source_ref, received_from,"
                + " received_at, detected_at, url_original, url_normalized, host, platform,"
                + " category_code, note)"
                + " select nextval('detection_seq'), 'afm', 'copy', 'copy-"
                + run
                + "-' || row_number() over (),"
                + " 'bench', now(), detected_at, url, url, split_part(url, '/', 3), platform,"
                + " category, note from bench_import");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      con.rollback();
      return seconds;
    }
  }
}
