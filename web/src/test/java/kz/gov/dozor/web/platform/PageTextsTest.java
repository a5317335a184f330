package kz.gov.dozor.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text a page or a backing bean names by a fixed key exists in Kazakh, Russian and English
 * (and in the fallback bundle): nothing reaches a user as a bare key.
 */
class PageTextsTest {

  private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
  private static final Pattern JAVA_KEY =
      Pattern.compile("Messages\\.(?:text|error|success)\\(\"([A-Za-z0-9_.\\-]+)\"");

  @ParameterizedTest
  @ValueSource(strings = {"_kk", "_ru", "_en", ""})
  void everyFixedKeyIsInTheBundle(String suffix) throws IOException {
    Set<String> keys = new TreeSet<>();
    collect(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY, keys);
    collect(Path.of("src/main/java"), ".java", JAVA_KEY, keys);
    assertThat(keys).contains("app.name", "inbox.title", "deadline.problem");

    Properties bundle = new Properties();
    String resource = "kz/gov/dozor/web/messages" + suffix + ".properties";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      bundle.load(r);
    }
    assertThat(keys.stream().filter(k -> !bundle.containsKey(k)).toList())
        .as("keys missing in " + resource)
        .isEmpty();
  }

  private static void collect(Path root, String extension, Pattern pattern, Set<String> keys)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(extension)).toList()) {
        Matcher m = pattern.matcher(Files.readString(f));
        while (m.find()) {
          String key = m.group(1);
          // "deadline.step." + step: a prefix, completed at run time.
          if (!key.endsWith(".")) {
            keys.add(key);
          }
        }
      }
    }
  }
}
