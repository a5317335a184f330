package kz.gov.dozor.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Command-line tools run as their users run them (openssl, the provider's client). */
public final class Commands {

  private Commands() {}

  /** Runs {@code command}, collecting its output and errors into {@code out}; its exit status. */
  public static int run(StringBuilder out, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return p.waitFor();
  }
}
