package kz.gov.dozor.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Timings of repeated runs, and the table every benchmark prints its figures into. */
final class Figures {

  private static final List<String[]> ROWS = new ArrayList<>();

  private Figures() {}

  /** The p-th percentile (0..100) of the samples, nearest rank. */
  static double percentile(double[] samples, double p) {
    double[] s = samples.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  static String ratio(double measured, double baseline) {
    return baseline <= 0 ? "-" : String.format(Locale.ROOT, "%.2f×", measured / baseline);
  }

  /** One line of the final table: what, the portal's figure, the goal, the baseline, the ratio. */
  static void add(String what, String figure, String goal, String baseline, String ratio) {
    ROWS.add(new String[] {what, figure, goal, baseline, ratio});
    System.out.printf(
        Locale.ROOT,
        "  %-58s %-22s goal %-16s baseline %-22s %s%n",
        what,
        figure,
        goal,
        baseline,
        ratio);
  }

  static void printTable() {
    System.out.println();
    System.out.println("| what | portal | goal | baseline (same run) | ratio |");
    System.out.println("|---|---|---|---|---|");
    for (String[] r : ROWS) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }
}
