package kz.gov.dozor.ejb.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RegistryFormatTest {

  private static String escaped(String s) throws Exception {
    StringWriter w = new StringWriter();
    RegistryFormat.escape(w, s);
    return w.toString();
  }

  @Test
  void markupIsEscapedAndWhatXmlCannotHoldIsReplaced() throws Exception {
    assertThat(escaped("https://a.example/?x=1&y=<2>\""))
        .isEqualTo("https://a.example/?x=1&amp;y=&lt;2&gt;&quot;");
    assertThat(escaped("line\nbreak\ttab")).isEqualTo("line&#10;break&#9;tab");
    assertThat(escaped("bell\u0007 lone\uD800 low\uDC00 ok\uD83D\uDE00"))
        .isEqualTo("bell\uFFFD lone\uFFFD low\uFFFD ok\uD83D\uDE00");
    assertThat(escaped("Қазақ әліпбиі")).isEqualTo("Қазақ әліпбиі");
  }

  @Test
  void timesAndDatesAreWrittenAsTheJdkWritesThem() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 100_000; i++) {
      long second = 0L + random.nextInt(Integer.MAX_VALUE) * 4L;
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      java.time.Instant t = java.time.Instant.ofEpochSecond(second, nano);
      assertThat(RegistryFormat.time(t)).isEqualTo(t.toString());
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(second / 86400);
      assertThat(RegistryFormat.date(d)).isEqualTo(d.toString());
    }
    java.time.Instant far = java.time.Instant.parse("+12026-01-01T00:00:00Z");
    assertThat(RegistryFormat.time(far)).isEqualTo(far.toString());
  }

  @Test
  void utf8IsWrittenAsTheJdkEncodesItAndUnpairedSurrogatesAsReplacements() throws Exception {
    String text = "ascii Қазақ әліпбиі €uro \uD83D\uDE00 " + "x".repeat(70_000) + " Ұ";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (Utf8Writer w = new Utf8Writer(out)) {
      w.write(text);
      w.write("lone\uD800 low\uDC00 end\uD83D");
    }
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(text + "lone\uFFFD low\uFFFD end\uFFFD");
  }

  @Test
  void jsonStringsEscapeQuotesBackslashesAndControls() throws Exception {
    StringWriter w = new StringWriter();
    RegistryFormat.jsonString(w, "a\"b\\c\nd\u0001 Қ/");
    assertThat(w.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001 Қ/\"");
  }
}
