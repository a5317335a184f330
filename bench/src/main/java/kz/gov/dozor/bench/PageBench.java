package kz.gov.dozor.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * A page's p95 over filters and sorts, each beside the raw SQL the page runs for it (its rows and
 * its count), timed the same number of times in the same run.
 */
final class PageBench {

  /**
   * One filter or sort of a page.
   *
   * @param name what it is
   * @param path the page's address with the filter in its query, relative to the portal
   * @param sql the statements the page runs for it, run one after the other as its baseline
   */
  record Variant(String name, String path, List<String> sql) {}

  private static final int WARM_UP = 3;
  private static final int RUNS = 20;

  private final Portal portal;
  private final String db;

  PageBench(Portal portal, String db) {
    this.portal = portal;
    this.db = db;
  }

  void run(String page, HttpClient signedIn, String mustContain, List<Variant> variants)
      throws Exception {
    double[] pageAll = new double[variants.size() * RUNS];
    double[] sqlAll = new double[variants.size() * RUNS];
    int k = 0;
    // Every variant is asked for first, untimed: the server compiles the page's code (JIT) on the
    // first requests, and the first variant timed should not pay for all of them.
    for (int i = 0; i < WARM_UP; i++) {
      for (Variant v : variants) {
        signedIn.send(portal.get(portal.base + v.path()), HttpResponse.BodyHandlers.discarding());
      }
    }
    try (Connection con = DriverManager.getConnection(db)) {
      for (Variant v : variants) {
        double[] pageTimes = new double[RUNS];
        double[] sqlTimes = new double[RUNS];
        for (int i = 0; i < WARM_UP + RUNS; i++) {
          long t0 = System.nanoTime();
          HttpResponse<String> r =
              signedIn.send(
                  portal.get(portal.base + v.path()), HttpResponse.BodyHandlers.ofString());
          double pageMs = (System.nanoTime() - t0) / 1e6;
          if (r.statusCode() != 200 || !r.body().contains(mustContain)) {
            throw new IllegalStateException(
                page + " " + v.name() + " answered " + r.statusCode() + " at " + r.uri());
          }
          long t1 = System.nanoTime();
          for (String sql : v.sql()) {
            try (Statement s = con.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
              while (rs.next()) {
                rs.getObject(1);
              }
            }
          }
          double sqlMs = (System.nanoTime() - t1) / 1e6;
          if (i >= WARM_UP) {
            pageTimes[i - WARM_UP] = pageMs;
            sqlTimes[i - WARM_UP] = sqlMs;
            pageAll[k] = pageMs;
            sqlAll[k++] = sqlMs;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "  %-14s %-44s page p50 %8s p95 %8s | SQL p50 %8s p95 %8s%n",
            page,
            v.name(),
            Figures.ms(Figures.percentile(pageTimes, 50)),
            Figures.ms(Figures.percentile(pageTimes, 95)),
            Figures.ms(Figures.percentile(sqlTimes, 50)),
            Figures.ms(Figures.percentile(sqlTimes, 95)));
      }
    }
    double p95 = Figures.percentile(pageAll, 95);
    double sqlP95 = Figures.percentile(sqlAll, 95);
    Figures.add(
        page + ", " + variants.size() + " filters and sorts (p95)",
        Figures.ms(p95),
        "p95 ≤ 200 ms",
        "raw SQL p95 " + Figures.ms(sqlP95),
        Figures.ratio(p95, sqlP95));
  }
}
