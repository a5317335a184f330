package kz.gov.dozor.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnAddressTest {

  @Test
  void keepsAPortalPageWithItsQuery() {
    String value = ReturnAddress.encode("/dozor", "/dozor/notices/view.xhtml", "id=42&x=a b");
    assertThat(ReturnAddress.decode("/dozor", value))
        .isEqualTo("/dozor/notices/view.xhtml?id=42&x=a b");
  }

  @Test
  void theRootIsNotWorthANote() {
    assertThat(ReturnAddress.encode("/dozor", "/dozor/", null)).isNull();
  }

  @Test
  void neverLeadsOutsideThePortal() {
    assertThat(ReturnAddress.decode("/dozor", "https%3A%2F%2Fattacker.example%2F")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%2F%2Fattacker.example%2Fdozor%2F")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%2Fdozor%2F..%2F..%2Fadmin")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%2Fdozor%2F%0d%0aSet-Cookie:x")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%2Fdozor%2F%5C%5Cattacker")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%2Fother%2Fpage")).isNull();
    assertThat(ReturnAddress.decode("/dozor", "%zz")).isNull();
  }
}
