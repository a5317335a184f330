package kz.gov.dozor.persistence.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "t.me, TELEGRAM",
    "telegram.me, TELEGRAM",
    "www.instagram.com, INSTAGRAM",
    "instagram.com, INSTAGRAM",
    "www.tiktok.com, TIKTOK",
    "vm.tiktok.com, TIKTOK",
    "m.vk.com, VK",
    "vk.com, VK",
    "youtu.be, YOUTUBE",
    "www.youtube.com, YOUTUBE",
    "m.youtube.com, YOUTUBE",
    "m.facebook.com, FACEBOOK",
    "x.com, X",
    "twitter.com, X",
    "wa.me, WHATSAPP",
    "example.kz, WEBSITE",
    "www.example.kz, WEBSITE"
  })
  void guessesPlatformFromHost(String host, Platform expected) {
    assertThat(Platform.guessFromHost(host)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> WEBSITE")
  @CsvSource({"notx.com", "myt.me", "fakeinstagram.com", "youtube.com.evil.kz", "vk.com.kz"})
  void doesNotMistakeLookalikeHostsForAPlatform(String host) {
    assertThat(Platform.guessFromHost(host)).isEqualTo(Platform.WEBSITE);
  }

  @Test
  void ignoresCaseOfHost() {
    assertThat(Platform.guessFromHost("WWW.Instagram.COM")).isEqualTo(Platform.INSTAGRAM);
  }

  @Test
  void treatsMissingHostAsWebsite() {
    assertThat(Platform.guessFromHost(null)).isEqualTo(Platform.WEBSITE);
    assertThat(Platform.guessFromHost("")).isEqualTo(Platform.WEBSITE);
  }
}
