package kz.gov.dozor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The server's heap while a benchmark runs: {@code jstat -gc} sampled every second. */
final class HeapSampler implements AutoCloseable {

  private final Process jstat;
  private final Thread sampler;
  private final List<double[]> heap = new ArrayList<>();

  HeapSampler(long serverPid) throws IOException {
    jstat =
        new ProcessBuilder("jstat", "-gc", Long.toString(serverPid), "1000")
            .redirectErrorStream(true)
            .start();
    sampler = new Thread(this::sample);
    sampler.setDaemon(true);
    sampler.start();
  }

  /** jstat -gc lines: heap used (survivors, eden, old) and old generation, in MB. */
  private void sample() {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null) {
        return;
      }
      List<String> cols = List.of(header.trim().split("\\s+"));
      String line;
      while ((line = r.readLine()) != null) {
        String[] v = line.trim().split("\\s+");
        if (v.length != cols.size()) {
          continue;
        }
        double used = d(v, cols, "S0U") + d(v, cols, "S1U") + d(v, cols, "EU") + d(v, cols, "OU");
        synchronized (heap) {
          heap.add(new double[] {used / 1024, d(v, cols, "OU") / 1024});
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process was stopped
    }
  }

  private static double d(String[] v, List<String> cols, String name) {
    return Double.parseDouble(v[cols.indexOf(name)].replace(',', '.'));
  }

  /** Stops sampling. */
  @Override
  public void close() throws InterruptedException {
    jstat.destroy();
    sampler.join(5000);
  }

  /** The largest heap seen and the old generation's first and last size. */
  String figure() {
    synchronized (heap) {
      if (heap.isEmpty()) {
        return "heap not sampled";
      }
      double max = heap.stream().mapToDouble(h -> h[0]).max().orElse(0);
      double oldFirst = heap.get(0)[1];
      double oldLast = heap.get(heap.size() - 1)[1];
      return String.format(
          Locale.ROOT, "heap max %.0f MB, old gen %.0f → %.0f MB", max, oldFirst, oldLast);
    }
  }
}
