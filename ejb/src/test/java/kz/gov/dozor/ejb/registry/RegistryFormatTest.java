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
}
