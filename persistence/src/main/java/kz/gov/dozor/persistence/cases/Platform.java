package kz.gov.dozor.persistence.cases;

import java.util.Locale;

/** Where a resource is published. */
public enum Platform {
  WEBSITE,
  TELEGRAM,
  INSTAGRAM,
  TIKTOK,
  YOUTUBE,
  FACEBOOK,
  VK,
  X,
  WHATSAPP,
  OTHER;

  /** The platform a host most likely belongs to; {@link #WEBSITE} when it is none we know. */
  public static Platform guessFromHost(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    if (h.startsWith("www.")) {
      h = h.substring(4);
    }
    if (is(h, "t.me", "telegram.me", "telegram.org")) {
      return TELEGRAM;
    }
    if (is(h, "instagram.com", "instagr.am")) {
      return INSTAGRAM;
    }
    if (is(h, "tiktok.com")) {
      return TIKTOK;
    }
    if (is(h, "youtube.com", "youtu.be")) {
      return YOUTUBE;
    }
    if (is(h, "facebook.com", "fb.com", "fb.me")) {
      return FACEBOOK;
    }
    if (is(h, "vk.com", "vk.ru", "vkontakte.ru")) {
      return VK;
    }
    if (is(h, "x.com", "twitter.com")) {
      return X;
    }
    if (is(h, "wa.me", "whatsapp.com")) {
      return WHATSAPP;
    }
    return WEBSITE;
  }

  private static boolean is(String host, String... domains) {
    for (String d : domains) {
      if (host.equals(d) || host.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }
}
