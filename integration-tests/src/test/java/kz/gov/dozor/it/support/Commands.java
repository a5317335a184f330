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
    return runIn(null, out, command);
  }

  /** As {@link #run}, in the directory {@code dir} (null: this process's). */
  public static int runIn(java.nio.file.Path dir, StringBuilder out, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      b.directory(dir.toFile());
    }
    Process p = b.start();
    try (InputStream in = p.getInputStream()) {
      out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return p.waitFor();
  }
}
