package kz.gov.dozor.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message Jakarta Faces or PrimeFaces can show a user comes from the portal's message bundle
 * in Kazakh, Russian and English: the keys are taken from the frameworks' own bundles in their
 * jars.
 */
class FacesMessagesTest {

  private static final String BUNDLE = "kz/gov/dozor/web/faces";
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

  @Test
  void theFacesConfigUsesThePortalsMessageBundle() throws IOException {
    String config = Files.readString(Path.of("src/main/webapp/WEB-INF/faces-config.xml"));
    assertThat(config).contains("<message-bundle>kz.gov.dozor.web.faces</message-bundle>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"_kk", "_ru", "_en", ""})
  void everyFrameworkMessageIsTranslated(String suffix) throws IOException {
    Properties ours = load(BUNDLE + suffix + ".properties");
    Properties faces = load("jakarta/faces/Messages.properties");
    Properties primefaces = load("org/primefaces/Messages.properties");
    assertThat(faces.stringPropertyNames()).hasSizeGreaterThan(50);
    assertThat(primefaces.stringPropertyNames()).contains("primefaces.calendar.MAX_DATE");

    Set<String> missing = new TreeSet<>();
    for (Properties framework : new Properties[] {faces, primefaces}) {
      for (String key : framework.stringPropertyNames()) {
        String text = ours.getProperty(key);
        if (text == null || text.isBlank()) {
          missing.add(key);
          continue;
        }
        // Our text uses only arguments the framework passes, and is a valid pattern.
        Set<String> given = arguments(framework.getProperty(key));
        assertThat(arguments(text)).as(key).isSubsetOf(given);
        new MessageFormat(text);
      }
    }
    assertThat(missing).as("keys missing in faces" + suffix).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"_kk", "_ru", ""})
  void kazakhAndRussianTextsHaveNoEnglishLeft(String suffix) throws IOException {
    Properties ours = load(BUNDLE + suffix + ".properties");
    Properties english = load(BUNDLE + "_en.properties");
    for (String key : ours.stringPropertyNames()) {
      String text = ours.getProperty(key);
      if (text.equals("{0}") || key.startsWith("primefaces.fileupload")) {
        continue;
      }
      assertThat(text).as(key).doesNotContainPattern("[A-Za-z]{2,}");
      assertThat(text).as(key).isNotEqualTo(english.getProperty(key));
    }
  }

  @Test
  void theDatePickersLimitReadsInKazakh() throws IOException {
    String pattern = load(BUNDLE + "_kk.properties").getProperty("primefaces.calendar.MAX_DATE");
    String text =
        new MessageFormat(pattern).format(new Object[] {"detectedAt", null, "30.11.2026 12:00"});
    assertThat(text).isEqualTo("Күн 30.11.2026 12:00 күнінен кеш болмауы тиіс.");
  }

  private static Set<String> arguments(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = FacesMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }
}
