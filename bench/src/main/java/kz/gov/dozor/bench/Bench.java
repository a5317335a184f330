package kz.gov.dozor.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks against a running portal over the generated dataset (bench/run starts both)
 * and prints every figure beside its baseline from the same run.
 *
 * <p>Options: {@code --base}, {@code --keycloak}, {@code --db} (JDBC URL), {@code
 * --detector-client}, {@code --detector-secret}, {@code --batches} (of 1,000 reports), {@code
 * --threads}, {@code --import-rows}, {@code --only} (comma-separated: intake, triage, cases,
 * decision, import).
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String base = o.getOrDefault("base", "http://localhost:8080/dozor/");
    String keycloak = o.getOrDefault("keycloak", "http://localhost:8180");
    String db = o.getOrDefault("db", "jdbc:postgresql://localhost:5432/dozor_bench?user=postgres");
    Set<String> only =
        Set.copyOf(
            Arrays.asList(
                o.getOrDefault("only", "triage,cases,decision,import,registry,intake").split(",")));
    Portal portal = new Portal(base, keycloak);
    String password = o.getOrDefault("password", "dozor-demo");

    if (only.contains("triage")) {
      new PageBench(portal, db)
          .run("triage queue", portal.signIn("investigator1", password), "triage", Pages.triage());
    }
    if (only.contains("cases")) {
      new PageBench(portal, db)
          .run("case list", portal.signIn("investigator1", password), "results", Pages.cases());
    }
    if (only.contains("decision")) {
      new DecisionBench(portal, db).run(o.getOrDefault("officer", "officer1"), password);
    }
    if (only.contains("import")) {
      new ImportBench(portal, db, Long.parseLong(o.getOrDefault("server-pid", "0")))
          .run(
              "investigator1", password, Integer.parseInt(o.getOrDefault("import-rows", "100000")));
    }
    if (only.contains("registry")) {
      new RegistryBench(
              portal,
              db,
              o.getOrDefault("provider-client", "dozor-provider-demo"),
              o.get("provider-secret"),
              Long.parseLong(o.getOrDefault("server-pid", "0")))
          .run();
    }
    // Last: it writes hundreds of thousands of reports, which the pages above should not see.
    if (only.contains("intake")) {
      new IntakeBench(
              portal,
              db,
              o.getOrDefault("detector-client", "dozor-monitoring-demo"),
              o.get("detector-secret"),
              Integer.parseInt(o.getOrDefault("batches", "100")),
              Integer.parseInt(o.getOrDefault("threads", "4")))
          .run();
    }
    Figures.printTable();
  }

  static List<String> list(String... sql) {
    return List.of(sql);
  }
}
