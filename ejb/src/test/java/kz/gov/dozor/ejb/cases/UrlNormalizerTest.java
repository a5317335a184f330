package kz.gov.dozor.ejb.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

  private static String normalized(String input) {
    return UrlNormalizer.normalize(input).normalized();
  }

  private static void assertRejected(String input, String messageKey) {
    assertThatThrownBy(() -> UrlNormalizer.normalize(input))
        .isInstanceOf(InvalidUrlException.class)
        .extracting(e -> ((InvalidUrlException) e).getMessageKey())
        .isEqualTo(messageKey);
  }

  // --- case -----------------------------------------------------------------------------------

  @Test
  void lowerCasesSchemeAndHostButNotPath() {
    // Arrange
    String input = "HTTPS://News.Example.KZ/Some/Path";

    // Act
    NormalizedUrl url = UrlNormalizer.normalize(input);

    // Assert
    assertThat(url.normalized()).isEqualTo("https://news.example.kz/Some/Path");
    assertThat(url.host()).isEqualTo("news.example.kz");
  }

  @Test
  void dropsTrailingDotOfHost() {
    assertThat(normalized("https://example.kz./a")).isEqualTo("https://example.kz/a");
  }

  // --- ports ----------------------------------------------------------------------------------

  @Test
  void dropsDefaultHttpPort() {
    assertThat(normalized("http://example.kz:80/a")).isEqualTo("http://example.kz/a");
  }

  @Test
  void dropsDefaultHttpsPort() {
    assertThat(normalized("https://example.kz:443/a")).isEqualTo("https://example.kz/a");
  }

  @Test
  void keepsNonDefaultPort() {
    assertThat(normalized("https://example.kz:8443/a")).isEqualTo("https://example.kz:8443/a");
  }

  @Test
  void keepsPortThatIsDefaultOnlyForTheOtherScheme() {
    assertThat(normalized("http://example.kz:443/")).isEqualTo("http://example.kz:443/");
    assertThat(normalized("https://example.kz:80/")).isEqualTo("https://example.kz:80/");
  }

  @Test
  void dropsLeadingZerosOfPort() {
    assertThat(normalized("https://example.kz:0443/")).isEqualTo("https://example.kz/");
  }

  // --- fragment -------------------------------------------------------------------------------

  @Test
  void dropsFragment() {
    assertThat(normalized("https://example.kz/a?b=1#section-2"))
        .isEqualTo("https://example.kz/a?b=1");
  }

  @Test
  void dropsFragmentWithoutQuery() {
    assertThat(normalized("https://example.kz/a#top")).isEqualTo("https://example.kz/a");
  }

  // --- query ----------------------------------------------------------------------------------

  @Test
  void dropsTrackingParameters() {
    // Arrange
    String input =
        "https://example.kz/news?id=5&utm_source=tg&page=2&fbclid=abc&UTM_Medium=x"
            + "&gclid=1&yclid=2&ysclid=3&msclkid=4&igshid=5&lang=ru";

    // Act
    String result = normalized(input);

    // Assert
    assertThat(result).isEqualTo("https://example.kz/news?id=5&page=2&lang=ru");
  }

  @Test
  void keepsOrderOfRemainingParameters() {
    assertThat(normalized("https://example.kz/s?z=1&a=2&utm_campaign=q&m=3"))
        .isEqualTo("https://example.kz/s?z=1&a=2&m=3");
  }

  @Test
  void dropsQuestionMarkWhenOnlyTrackingParametersWereThere() {
    assertThat(normalized("https://example.kz/a?utm_source=x&fbclid=y"))
        .isEqualTo("https://example.kz/a");
  }

  @Test
  void dropsEmptyQueryAndEmptyPairs() {
    assertThat(normalized("https://example.kz/a?")).isEqualTo("https://example.kz/a");
    assertThat(normalized("https://example.kz/a?&x=1&&y=2&"))
        .isEqualTo("https://example.kz/a?x=1&y=2");
  }

  @Test
  void keepsValuelessParameters() {
    assertThat(normalized("https://example.kz/a?flag&x="))
        .isEqualTo("https://example.kz/a?flag&x=");
  }

  @Test
  void dropsYoutubeShareParameterOnYoutube() {
    assertThat(normalized("https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=AbCdEf"))
        .isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    assertThat(normalized("https://m.youtube.com/watch?si=AbCdEf&v=x"))
        .isEqualTo("https://m.youtube.com/watch?v=x");
  }

  @Test
  void dropsYoutubeShareParameterOnShortLinks() {
    assertThat(normalized("https://youtu.be/dQw4w9WgXcQ?si=AbCdEf&t=42"))
        .isEqualTo("https://youtu.be/dQw4w9WgXcQ?t=42");
  }

  @Test
  void keepsSiParameterOnOtherHosts() {
    assertThat(normalized("https://example.kz/page?si=1&x=2"))
        .isEqualTo("https://example.kz/page?si=1&x=2");
  }

  // --- internationalised hosts and encoding ---------------------------------------------------

  @Test
  void convertsKazakhIdnHostToPunycodeAndEncodesPathAsUtf8() {
    // Arrange
    String input = "https://пример.қаз/путь";

    // Act
    NormalizedUrl url = UrlNormalizer.normalize(input);

    // Assert
    assertThat(url.normalized())
        .isEqualTo("https://xn--e1afmkfd.xn--80ao21a/%D0%BF%D1%83%D1%82%D1%8C");
    assertThat(url.host()).isEqualTo("xn--e1afmkfd.xn--80ao21a");
    assertThat(url.original()).isEqualTo(input);
  }

  @Test
  void convertsUpperCaseCyrillicHostToPunycode() {
    assertThat(normalized("https://ПРЕЗИДЕНТ.РФ")).isEqualTo("https://xn--d1abbgf6aiiy.xn--p1ai/");
  }

  @Test
  void treatsPunycodeAndUnicodeHostAsTheSame() {
    assertThat(normalized("https://президент.рф/news"))
        .isEqualTo(normalized("https://XN--D1ABBGF6AIIY.XN--P1AI/news"));
  }

  @Test
  void decodesPercentEncodedUnreservedCharacters() {
    assertThat(normalized("https://example.kz/%7euser/%41%2D"))
        .isEqualTo(normalized("https://example.kz/~user/A-"))
        .isEqualTo("https://example.kz/~user/A-");
  }

  @Test
  void upperCasesHexOfReservedEscapes() {
    assertThat(normalized("https://example.kz/a%2fb")).isEqualTo("https://example.kz/a%2Fb");
    assertThat(normalized("https://example.kz/a%2fb"))
        .isEqualTo(normalized("https://example.kz/a%2Fb"));
  }

  @Test
  void treatsRawAndPercentEncodedUtf8PathAsTheSame() {
    assertThat(normalized("https://example.kz/путь"))
        .isEqualTo(normalized("https://example.kz/%d0%bf%d1%83%d1%82%d1%8c"));
  }

  @Test
  void encodesStrayPercentSign() {
    assertThat(normalized("https://example.kz/100%zz")).isEqualTo("https://example.kz/100%25zz");
  }

  @Test
  void encodesNonAsciiQueryValues() {
    assertThat(normalized("https://example.kz/search?q=қаз"))
        .isEqualTo("https://example.kz/search?q=%D2%9B%D0%B0%D0%B7");
  }

  // --- scheme and path defaults ---------------------------------------------------------------

  @Test
  void addsHttpsWhenSchemeIsMissing() {
    // Arrange
    String input = "t.me/somechannel";

    // Act
    NormalizedUrl url = UrlNormalizer.normalize(input);

    // Assert
    assertThat(url.normalized()).isEqualTo("https://t.me/somechannel");
    assertThat(url.host()).isEqualTo("t.me");
    assertThat(url.original()).isEqualTo("t.me/somechannel");
  }

  @Test
  void addsHttpsWhenSchemeIsMissingButPortIsGiven() {
    assertThat(normalized("example.kz:8080/x")).isEqualTo("https://example.kz:8080/x");
  }

  @Test
  void turnsEmptyPathIntoSlash() {
    assertThat(normalized("https://example.kz")).isEqualTo("https://example.kz/");
    assertThat(normalized("https://example.kz?x=1")).isEqualTo("https://example.kz/?x=1");
  }

  @Test
  void keepsOriginalAsEnteredButTrimmed() {
    // Arrange
    String input = "  \tHTTPS://Example.KZ/a?utm_source=x#frag \n";

    // Act
    NormalizedUrl url = UrlNormalizer.normalize(input);

    // Assert
    assertThat(url.original()).isEqualTo("HTTPS://Example.KZ/a?utm_source=x#frag");
    assertThat(url.normalized()).isEqualTo("https://example.kz/a");
  }

  @Test
  void normalisesTwoFormsOfTheSameResourceEqually() {
    // Arrange
    String pasted = "HTTPS://WWW.Example.KZ:443/news/%7eitem?id=7&utm_source=telegram#comments";
    String typed = "www.example.kz/news/~item?id=7";

    // Act
    NormalizedUrl first = UrlNormalizer.normalize(pasted);
    NormalizedUrl second = UrlNormalizer.normalize(typed);

    // Assert
    assertThat(first.normalized()).isEqualTo(second.normalized());
    assertThat(first.original()).isNotEqualTo(second.original());
  }

  // --- hosts ----------------------------------------------------------------------------------

  @Test
  void acceptsIpv4Host() {
    NormalizedUrl url = UrlNormalizer.normalize("http://192.168.0.1:8080/x");

    assertThat(url.normalized()).isEqualTo("http://192.168.0.1:8080/x");
    assertThat(url.host()).isEqualTo("192.168.0.1");
  }

  @Test
  void acceptsBracketedIpv6HostAndLowerCasesIt() {
    assertThat(normalized("http://[2001:DB8::1]:8080/a")).isEqualTo("http://[2001:db8::1]:8080/a");
    assertThat(normalized("https://[::1]")).isEqualTo("https://[::1]/");
    assertThat(UrlNormalizer.normalize("https://[::1]:443/").host()).isEqualTo("[::1]");
  }

  @Test
  void keepsUserInfoBeforeHost() {
    NormalizedUrl url = UrlNormalizer.normalize("https://user:secret@Example.KZ/private");

    assertThat(url.normalized()).isEqualTo("https://user:secret@example.kz/private");
    assertThat(url.host()).isEqualTo("example.kz");
  }

  // --- refusals -------------------------------------------------------------------------------

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void rejectsEmptyInput(String input) {
    assertRejected(input, "url.empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "ftp://x.kz/",
        "mailto:someone@example.kz",
        "file:///etc/passwd",
        "data:text/html,hi"
      })
  void rejectsUnsupportedScheme(String input) {
    assertRejected(input, "url.scheme");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://",
        "https://nohost",
        "https://-bad-.kz",
        "https://999.1.1.1/",
        "https://bad_host.kz/",
        "https://a..kz/",
        "https://1.2.3.4.5/",
        "https://[::1/",
        "https://[nothex]/",
        "https://user@/"
      })
  void rejectsInvalidHost(String input) {
    assertRejected(input, "url.host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://a.kz:99999/", "https://a.kz:abc/", "https://a.kz:0/"})
  void rejectsInvalidPort(String input) {
    assertRejected(input, "url.port");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://exa mple.kz/",
        "https://example.kz/a b",
        "https://example.kz/a\tb",
        "https://example.kz/?q=a\u2003b",
        "https://example.kz/\u0000"
      })
  void rejectsWhitespaceOrControlCharactersInside(String input) {
    assertRejected(input, "url.whitespace");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.kz/invoice\u202Egnp.exe",
        "https://exa\u2066mple.kz/",
        "https://example.kz/?q=\u200F1",
        "https://example.kz/\u061C",
        "\u202Dhttps://example.kz/"
      })
  void rejectsCharactersThatReorderWhatIsShown(String input) {
    assertRejected(input, "url.bidiControls");
  }

  @Test
  void rejectsInputLongerThanLimit() {
    // Arrange
    String prefix = "https://example.kz/";
    String input = prefix + "a".repeat(UrlNormalizer.MAX_LENGTH + 1 - prefix.length());

    // Act / Assert
    assertRejected(input, "url.tooLong");
  }

  @Test
  void acceptsInputExactlyAtLimit() {
    // Arrange
    String prefix = "https://example.kz/";
    String input = prefix + "a".repeat(UrlNormalizer.MAX_LENGTH - prefix.length());

    // Act
    String result = normalized(input);

    // Assert
    assertThat(result).hasSize(UrlNormalizer.MAX_LENGTH);
  }

  @Test
  void rejectsInputWhoseEncodedFormIsTooLong() {
    // Arrange: 1000 Cyrillic letters become 6000 characters once percent-encoded.
    String input = "https://example.kz/" + "ж".repeat(1000);

    // Act / Assert
    assertRejected(input, "url.tooLong");
  }
}
