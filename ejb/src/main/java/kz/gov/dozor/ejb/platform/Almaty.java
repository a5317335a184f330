package kz.gov.dozor.ejb.platform;

import java.time.ZoneId;

/** Times are stored in UTC and shown, and reasoned about by day, in Kazakhstan's time zone. */
public final class Almaty {
  public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

  private Almaty() {}
}
