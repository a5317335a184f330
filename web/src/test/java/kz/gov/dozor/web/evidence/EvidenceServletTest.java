package kz.gov.dozor.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceServletTest {

  @Test
  void givesAnAsciiNameAndTheExactUtf8Name() {
    assertThat(EvidenceServlet.fileNameParameters("скрин 1.png"))
        .isEqualTo(
            "filename=\"_____ 1.png\"; filename*=UTF-8''%D1%81%D0%BA%D1%80%D0%B8%D0%BD%201.png");
  }

  @Test
  void neutralisesQuotesAndHeaderBreaks() {
    String header = EvidenceServlet.fileNameParameters("a\"b\r\nX-Evil: 1.png");
    assertThat(header).doesNotContain("\r").doesNotContain("\n");
    assertThat(header).startsWith("filename=\"a_b__X-Evil_ 1.png\"");
  }
}
